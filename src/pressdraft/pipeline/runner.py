"""Where a template's code runs: the contract the engine is given, and a choice between two runners.

The engine is handed a ``TemplateRunner`` by its caller (the app service, the command line); it
never decides trust itself. ``in_process.InProcessRunner`` renders here; ``pool.SandboxRunner``
renders in a worker process bounded in time and memory; ``ByOrigin`` picks one of two by where a
template came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from pressdraft.core.directory import Directory
from pressdraft.core.library import Template
from pressdraft.core.problems import Problem
from pressdraft.document.rendition import Rendered
from pressdraft.pipeline.engine import RenderRequest, TemplateRunner


@dataclass(frozen=True)
class ByOrigin:
    """Templates from the origins the caller trusts run in ``trusted``; every other in ``untrusted``."""

    trusted_origins: frozenset[str]
    trusted: TemplateRunner
    untrusted: TemplateRunner

    def pick(self, template: Template) -> TemplateRunner:
        return self.trusted if template.origin in self.trusted_origins else self.untrusted

    def render(self, request: RenderRequest) -> Rendered:
        return self.pick(request.template).render(request)

    def check(self, template: Template, directory: Directory) -> list[Problem]:
        return self.pick(template).check(template, directory)

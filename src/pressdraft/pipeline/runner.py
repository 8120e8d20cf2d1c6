"""Where a template's code runs: the contract the engine is given, and a choice between two runners.

The engine is handed a ``TemplateRunner`` by its caller (the app service, the command line); it
never decides trust itself. ``in_process.InProcessRunner`` renders here; ``pool.SandboxRunner``
renders in a worker process bounded in time and memory; ``ByOrigin`` picks one of two by where a
template came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pressdraft.core.directory import Directory
from pressdraft.core.library import Template
from pressdraft.core.model import Draft
from pressdraft.core.problems import Problem
from pressdraft.document.rendition import Rendered
from pressdraft.pipeline.engine import TemplateRunner
from pressdraft.pipeline.resolve import Resolution


@dataclass(frozen=True)
class ByOrigin:
    """Templates from the origins the caller trusts run in ``trusted``; every other in ``untrusted``."""

    trusted_origins: frozenset[str]
    trusted: TemplateRunner
    untrusted: TemplateRunner

    def pick(self, template: Template) -> TemplateRunner:
        return self.trusted if template.origin in self.trusted_origins else self.untrusted

    def render(
        self,
        template: Template,
        draft: Draft,
        directory: Directory,
        resolutions: Mapping[str, Resolution],
        *,
        allow_incomplete: bool,
    ) -> Rendered:
        return self.pick(template).render(template, draft, directory, resolutions, allow_incomplete=allow_incomplete)

    def check(self, template: Template, directory: Directory) -> list[Problem]:
        return self.pick(template).check(template, directory)

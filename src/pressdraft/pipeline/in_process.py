"""The runner for templates the caller trusts: rendered and checked in this process.

The shipped templates are rendered here (and compiled once); inside a sandbox worker, the template
it was sent is rendered here too: that is what the worker is for.
"""

from __future__ import annotations

from dataclasses import dataclass

from pressdraft.core.directory import Directory
from pressdraft.core.library import Template
from pressdraft.core.problems import Problem
from pressdraft.document.rendition import Rendered
from pressdraft.pipeline.engine import Engine, RenderRequest
from pressdraft.pipeline.render import environment, render_markdown


@dataclass(frozen=True)
class InProcessRunner:
    """Renders and checks in this process: only for templates whose code the caller trusts. One that
    ``keeps_compiled`` keeps their compiled code for the next process (``pipeline/bytecode.py``): for
    the shipped templates, never in a sandbox worker."""

    keeps_compiled: bool = False

    def render(self, request: RenderRequest) -> Rendered:
        keep = self.keeps_compiled
        return {
            lang: render_markdown(request.template, lang, r.context, keep=keep)
            for lang, r in request.resolutions.items()
        }, None

    def check(self, template: Template, directory: Directory) -> list[Problem]:
        return Engine.single(template, directory, self).check_template(template, environment())


IN_PROCESS = InProcessRunner()
#: The shipped templates' runner (``app.trust``): their compiled code is kept for the next process.
SHIPPED_IN_PROCESS = InProcessRunner(keeps_compiled=True)

"""Which templates this deployment trusts to run in the server's own process.

The shipped templates are reviewed with the code, so they run in-process (compiled once, their
compiled code kept for the next process: ``pipeline/bytecode.py``); the organization's templates,
edited by staff, and a folder given on the command line run in the sandbox worker, bounded in time
and memory. Both the app service and the CLI build their engine with this runner; nothing below
the app layer decides trust.
"""

from __future__ import annotations

from pressdraft.core.directory import Directory
from pressdraft.core.library import SHIPPED, Template
from pressdraft.core.problems import Problem
from pressdraft.document.rendition import Rendered
from pressdraft.pipeline.engine import RenderRequest
from pressdraft.pipeline.in_process import SHIPPED_IN_PROCESS
from pressdraft.pipeline.runner import ByOrigin, TemplateRunner


class _SandboxOnFirstUse:
    """``pool.SandboxRunner``, imported when a template first needs it: a command rendering a shipped
    template never does, and need not load the pool and its wire format."""

    def _runner(self) -> TemplateRunner:
        from pressdraft.pipeline.pool import SandboxRunner

        return SandboxRunner()

    def render(self, request: RenderRequest) -> Rendered:
        return self._runner().render(request)

    def check(self, template: Template, directory: Directory) -> list[Problem]:
        return self._runner().check(template, directory)


def template_runner() -> TemplateRunner:
    """In-process for shipped templates, the sandbox worker for every other."""
    return ByOrigin(frozenset({SHIPPED}), SHIPPED_IN_PROCESS, _SandboxOnFirstUse())

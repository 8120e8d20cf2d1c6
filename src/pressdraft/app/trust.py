"""Which templates this deployment trusts to run in the server's own process.

The shipped templates are reviewed with the code, so they run in-process (and are compiled once);
the organization's templates, edited by staff, and a folder given on the command line run in the
sandbox worker, bounded in time and memory. Both the app service and the CLI build their engine
with this runner; nothing below the app layer decides trust.
"""

from __future__ import annotations

from pressdraft.core.library import SHIPPED
from pressdraft.pipeline.in_process import IN_PROCESS
from pressdraft.pipeline.pool import SandboxRunner
from pressdraft.pipeline.runner import ByOrigin, TemplateRunner


def template_runner() -> TemplateRunner:
    """In-process for shipped templates, the sandbox worker for every other."""
    return ByOrigin(frozenset({SHIPPED}), IN_PROCESS, SandboxRunner())

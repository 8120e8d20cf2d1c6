"""The ``pressdraft`` command (its script's entry point) and ``python -m pressdraft.cli``: a call is handed to
the warm command server when there is one (``cli/client.py``, standard library only), run here otherwise.

Run here, ``commands.main`` is imported only then, and a server is started for the next call."""

from __future__ import annotations

import sys

from pressdraft.cli import client


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    path = client.server_path(argv)
    if path:
        code = client.served(path, argv)
        if code is not None:
            return code
    from pressdraft.cli.commands import main as run

    try:
        return run(argv)
    finally:
        if path:
            client.start_server(path)


if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m pressdraft.cli``: the same client as the ``pressdraft`` command."""

from pressdraft.cli.client import main

raise SystemExit(main())

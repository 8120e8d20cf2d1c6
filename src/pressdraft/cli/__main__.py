"""``python -m pressdraft.cli``."""

from pressdraft.cli.commands import main

raise SystemExit(main())

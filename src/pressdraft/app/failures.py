"""How a store command's failure reaches the command line: one line, any password hidden.

Apart from ``database`` (which loads SQLAlchemy and Alembic) so that the CLI can catch and print
these without loading the store for every command.
"""

from __future__ import annotations

import re

_PASSWORD_IN_URL = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*:)[^@\s]*@")


class StoreFailure(Exception):
    """A store command that could not be done; its message is one line, passwords hidden."""


def hide_passwords(text: str) -> str:
    """Any ``scheme://user:password@`` in a message, with the password replaced by ***."""
    return _PASSWORD_IN_URL.sub(lambda m: f"{m['head']}***@", text)

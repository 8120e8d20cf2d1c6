"""Who a stored user name is: e-mail addresses (or ``local``) compared without Unicode folding.

The store decides owners and audits by it, the app's roles too; here, in the core, so neither asks the
other (and a caller that only compares names loads no database library).
"""

from __future__ import annotations


def ascii_lower(text: str) -> str | None:
    """``text`` lower-cased when it is ASCII (only A-Z change), else None: Unicode casing
    maps look-alikes onto ASCII (``"\u212a".lower() == "k"``), ASCII casing cannot."""
    return text.lower() if text.isascii() else None


def same_user(one: str, other: str) -> bool:
    """Whether two stored user names (e-mail addresses, or ``local``) are one person: equal
    once ASCII-lower-cased, never by Unicode folding of look-alikes."""
    return ascii_lower(one) is not None and ascii_lower(one) == ascii_lower(other)

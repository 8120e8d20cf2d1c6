"""How foreign names are read in Turkish and Azerbaijani, for the case ending (R11, A2).

A case ending follows the *pronounced* end of a name (``Bordeaux'yu`` [bordo],
``Shakespeare'i`` [şekspir]), so a name spelled by another language's rules is first read the way
that language reads it.
"""

from __future__ import annotations


def foreign_spoken(word: str, lang: str) -> tuple[str, bool] | None:
    """How ``word`` is read in ``lang``'s alphabet when it is spelled by a foreign language's
    rules, and whether that reading is certain; None for a word read as it is written."""
    return None

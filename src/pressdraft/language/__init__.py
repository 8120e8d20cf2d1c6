"""Per-language knowledge for pressdraft: casing, case suffixes, numbers, dates, quotes.

Turkish (tr) and Azerbaijani (az) are written the way their editors write them
(conventions.md); English (en) follows AP/US press style. Every public function takes the
language explicitly and raises ``ValueError`` for an unknown one.
"""

from __future__ import annotations

from ._base import CASES, LANGS
from .casing import capitalize, lower, title, upper
from .consistency import ConsistencyWarning, KnownName, consistency_warnings
from .dates import format_date, format_datetime
from .lists import format_list
from .names import KINDS, Name, doubt_of, inflect
from .numbers import count, format_number, ordinal, spell_number
from .quotes import QUOTE_MARKS, quote

__all__ = [
    "CASES",
    "KINDS",
    "ConsistencyWarning",
    "KnownName",
    "LANGS",
    "QUOTE_MARKS",
    "Name",
    "capitalize",
    "consistency_warnings",
    "count",
    "doubt_of",
    "format_date",
    "format_datetime",
    "format_list",
    "format_number",
    "inflect",
    "lower",
    "ordinal",
    "quote",
    "spell_number",
    "title",
    "upper",
]

"""The dateline at the head of a release's lead: where and when it was issued (conventions.md §7).

tr ``İSTANBUL, 23 Ekim 2021``, az ``İSTANBUL, 23 oktyabr 2021`` (the city in capitals, the long date);
en as AP: ``ISTANBUL, Oct. 23, 2021``, ``BAKU, Azerbaijan, Sept. 18, 2025`` (AP "datelines": the country
after a city that does not stand alone; the full date, year included, conventions.md §7.4).
"""

from __future__ import annotations

import datetime as dt

from ._base import check_lang
from .casing import upper
from .dates import format_date
from .english import dateline_place


def dateline(city: object, lang: str, day: dt.date) -> str:
    """The dateline of a release issued in ``city`` on ``day``."""
    check_lang(lang)
    if lang == "en":
        return f"{dateline_place(str(city), day)}, {format_date(day, 'en')}"
    return f"{upper(str(city), lang)}, {format_date(day, lang)}"

"""Editorial settings that house styles may change at run time.

They are read at every call, so ``editorial.APOSTROPHE = "’"`` takes effect at once.
"""

from __future__ import annotations

#: The apostrophe written before Turkish case endings (and in the English genitive).
#: TDK prints ’ (U+2019); press sites and our data use ' (U+0027), the default.
APOSTROPHE: str = "'"

#: Azerbaijani instrumental: the norm (language.az, "Orfoqrafiya qaydaları") writes the
#: postposition ``ilə`` separately and only *allows* ``-la/-lə`` joined after a consonant;
#: official copy (AZƏRTAC, the reference release) writes ``Azərbaycan ilə``. False keeps
#: ``X ilə``; True joins ``-la/-lə`` after consonants (``Parislə``, ``NATO ilə`` stays apart
#: after a vowel).
AZ_INSTRUMENTAL_SUFFIX: bool = False


#: The settings above, by name: what a sandbox worker is sent so its Markdown is the server's.
NAMES = ("APOSTROPHE", "AZ_INSTRUMENTAL_SUFFIX")


def current() -> dict[str, str | bool]:
    """The settings as they are now, as plain values."""
    return {name: globals()[name] for name in NAMES}


def use(values: dict[str, str | bool]) -> None:
    """Take the settings ``current()`` gave in another process."""
    globals().update({name: values[name] for name in NAMES if name in values})

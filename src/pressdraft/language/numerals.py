"""Turkish and Azerbaijani numerals as words: the tables, and the last word of a number read aloud.

A leaf of the language package: the case suffix on a numeral (2021'de, 1985'te) depends on how its
last word sounds, and the spelled cardinals of ``numbers`` are built from the same tables.
"""

from __future__ import annotations

TR_UNITS = ("", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz")
TR_TENS = ("", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan")
TR_SCALES = ("", "bin", "milyon", "milyar", "trilyon", "katrilyon", "kentilyon")
AZ_UNITS = ("", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz")
AZ_TENS = ("", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan")
AZ_SCALES = ("", "min", "milyon", "milyard", "trilyon", "katrilyon", "kvintilyon")


def last_number_word(n: int, lang: str) -> str:
    """The last word of ``n`` read aloud (tr/az): it decides the case suffix on a numeral.

    ``2021`` → ``bir`` (2021'de), ``1985`` → ``beş`` (1985'te), ``40`` → ``kırk``/``qırx``,
    ``100`` → ``yüz``, ``1000`` → ``bin``/``min``. Computed directly; no full spelling needed.
    """
    n = abs(n)
    units_t, tens_t, scales = (AZ_UNITS, AZ_TENS, AZ_SCALES) if lang == "az" else (TR_UNITS, TR_TENS, TR_SCALES)
    if n == 0:
        return "sıfır"
    scale = 0
    while n % 1000 == 0:
        n //= 1000
        scale += 1
    group = n % 1000
    if scale:
        return scales[min(scale, len(scales) - 1)]
    if group % 10:
        return units_t[group % 10]
    if group % 100:
        return tens_t[(group % 100) // 10]
    return "yüz"

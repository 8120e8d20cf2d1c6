# ruff: noqa: E501  (tables read best one row per line)
"""Lists (conventions.md §4.3) and quotations with attribution punctuation (§4.1)."""

from __future__ import annotations

import pytest

from pressdraft.language import QUOTE_MARKS, format_list, quote

CITIES = {"tr": ["Ankara", "Bakü", "İstanbul"], "az": ["Ankara", "Bakı", "İstanbul"],
          "en": ["Ankara", "Bakü", "İstanbul"]}  # fmt: skip
CHAIRS = ["Fahrettin Altun", "Hikmet Hacıyev"]


@pytest.mark.parametrize(
    ("lang", "style", "items", "expected"),
    [
        # §4.3 Babel standard and or styles
        ("tr", "and", CITIES["tr"], "Ankara, Bakü ve İstanbul"),
        ("tr", "or", CITIES["tr"], "Ankara, Bakü veya İstanbul"),
        ("az", "and", CITIES["az"], "Ankara, Bakı və İstanbul"),
        # §4.3: CLDR's "…, yaxud" is a quirk; editors write "və ya"
        ("az", "or", CITIES["az"], "Ankara, Bakı və ya İstanbul"),
        ("az", "or", ["Ankara", "Bakı"], "Ankara və ya Bakı"),
        # AP "comma": no comma before the conjunction in a simple series (not CLDR's Oxford comma)
        ("en", "and", CITIES["en"], "Ankara, Bakü and İstanbul"),
        ("en", "or", CITIES["en"], "Ankara, Bakü or İstanbul"),
        ("tr", "and", CHAIRS, "Fahrettin Altun ve Hikmet Hacıyev"),
        ("az", "and", CHAIRS, "Fahrettin Altun və Hikmet Hacıyev"),
        ("en", "and", CHAIRS, "Fahrettin Altun and Hikmet Hacıyev"),
        # four committee names (az, the Babel "unit" KeyError case has three or more items)
        ("az", "and", ["ictimai diplomatiya", "beynəlxalq media", "təhsil", "strateji kommunikasiya"],
         "ictimai diplomatiya, beynəlxalq media, təhsil və strateji kommunikasiya"),
        ("tr", "and", ["Ankara"], "Ankara"),
        ("en", "and", [], ""),
    ],
)  # fmt: skip
def test_lists_join_with_commas_and_the_language_conjunction(
    lang: str, style: str, items: list[str], expected: str
) -> None:
    assert format_list(items, lang, style) == expected


def test_an_unknown_list_style_is_refused() -> None:
    with pytest.raises(ValueError, match="list style 'unit'"):
        format_list(["a", "b", "c"], "az", "unit")


def test_quote_marks_are_curly_doubles_with_curly_singles_inside_in_all_languages() -> None:
    # §4.1 CLDR (ICU 77): tr “ ” ‘ ’; az “ ” ‘ ’; en “ ” ‘ ’
    assert {lang: ("“", "”", "‘", "’") for lang in ("tr", "az", "en")} == QUOTE_MARKS


# Every language × position × ending punctuation. Sources: §4.1 attribution patterns —
# tr `Altun, “…” dedi.` with the final mark inside (reference release; TDK);
# az `“…”, – deyə …` (AZERTAC, 1news; arqument.az: 1956 rules); en `“…,” Hajiyev said.` (US).
QUOTE_ROWS = [
    ("tr", "end", "Mutabakat içindeyiz.", "“Mutabakat içindeyiz.”"),
    ("tr", "end", "Mutabakat içindeyiz", "“Mutabakat içindeyiz.”"),
    ("tr", "end", "Kurtarın beni!", "“Kurtarın beni!”"),
    ("tr", "end", "Neden olmasın?", "“Neden olmasın?”"),
    ("tr", "end", "Bekleyeceğiz…", "“Bekleyeceğiz…”"),
    ("tr", "before_verb", "Mutabakat içindeyiz.", "“Mutabakat içindeyiz.”"),
    ("tr", "before_verb", "Mutabakat içindeyiz", "“Mutabakat içindeyiz.”"),
    ("tr", "before_verb", "Kurtarın beni!", "“Kurtarın beni!”"),
    ("tr", "before_verb", "Neden olmasın?", "“Neden olmasın?”"),
    ("az", "end", "Konsensusumuz var.", "“Konsensusumuz var.”"),
    ("az", "end", "Konsensusumuz var", "“Konsensusumuz var.”"),
    ("az", "end", "Nə üçün?", "“Nə üçün?”"),
    ("az", "before_verb", "Konsensusumuz var.", "“Konsensusumuz var”,"),
    ("az", "before_verb", "Konsensusumuz var", "“Konsensusumuz var”,"),
    ("az", "before_verb", "Nə üçün?", "“Nə üçün?”"),
    ("az", "before_verb", "Yaşasın!", "“Yaşasın!”"),
    ("az", "before_verb", "Gözləyəcəyik...", "“Gözləyəcəyik…”"),
    ("en", "end", "We have a consensus.", "“We have a consensus.”"),
    ("en", "end", "We have a consensus", "“We have a consensus.”"),
    ("en", "end", "Why not?", "“Why not?”"),
    ("en", "before_verb", "We have a consensus.", "“We have a consensus,”"),
    ("en", "before_verb", "We have a consensus", "“We have a consensus,”"),
    ("en", "before_verb", "Why not?", "“Why not?”"),
    ("en", "before_verb", "Never!", "“Never!”"),
    # nested quotes become ‘ ’ (TDK via hozir.org; CLDR): straight, curly and « » inputs
    ("tr", "end", 'Tema "Köklü Geçmiş, Güçlü Gelecek" oldu.', "“Tema ‘Köklü Geçmiş, Güçlü Gelecek’ oldu.”"),
    ("az", "before_verb", "Şüar «Bir millət, iki dövlət» idi.", "“Şüar ‘Bir millət, iki dövlət’ idi”,"),
    ("en", "before_verb", "The theme was “Rooted Past, Strong Future.”", "“The theme was ‘Rooted Past, Strong Future.’”"),
    # outer straight quotes and surrounding whitespace are trimmed
    ("en", "end", '  "We agree."  ', "“We agree.”"),
    ("tr", "end", "“Hazırız.”", "“Hazırız.”"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "position", "text", "expected"), QUOTE_ROWS)
def test_quotes_put_the_closing_punctuation_where_each_language_wants_it(
    lang: str, position: str, text: str, expected: str
) -> None:
    assert quote(text, lang, position) == expected


def test_quote_rows_cover_every_language_and_position() -> None:
    assert {(lang, pos) for lang, pos, _, _ in QUOTE_ROWS} == {
        (lang, pos) for lang in ("tr", "az", "en") for pos in ("end", "before_verb")
    }


def test_an_unknown_quote_position_is_refused() -> None:
    with pytest.raises(ValueError, match="quote position 'after'"):
        quote("x", "tr", "after")

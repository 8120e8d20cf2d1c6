"""Folding for search: each row a spelling people write and what a search box sees.

Sources: the Turkish alphabet and the apostrophe before suffixes on proper names, TDK Yazım
Kılavuzu, "Kesme işareti" (https://tdk.gov.tr/icerik/yazim-kurallari/kesme-isareti/): "Ankara'da",
"Hacıyev'in"; the Azerbaijani Latin alphabet of 1992 (a b c ç d e ə f g ğ h x ı i j k q l m n o ö p
r s ş t u ü v y z), Azərbaycan Respublikasının Dövlət Dili haqqında Qanun; circumflexed vowels
(â, î, û) as TDK writes "kâğıt", "millî", "Kâzım".
"""

from __future__ import annotations

import pytest

from pressdraft.language.folding import fold, spans, words

TABLE = [
    # (written, folded words)
    ("Hacıyev", ["haciyev"]),
    ("HACIYEV", ["haciyev"]),  # a Turkish capital I is ı: folded, it meets the typed i
    ("haciyev", ["haciyev"]),
    ("Hacıyev'in", ["haciyev"]),  # TDK: the suffix after the apostrophe is split off
    ("Hacıyev’in", ["haciyev"]),  # the typographic apostrophe the same
    ("Ankara'da", ["ankara"]),
    ("İstanbul", ["istanbul"]),  # dotted capital İ
    ("ISTANBUL", ["istanbul"]),  # English capital I
    ("istanbul", ["istanbul"]),
    ("Iğdır", ["igdir"]),  # dotless I and ı, ğ
    ("Şəki Gəncə", ["seki", "gence"]),  # Azerbaijani ə, Ə
    ("ƏLİYEV", ["eliyev"]),
    ("Çağdaş Öğrenci Üçün", ["cagdas", "ogrenci", "ucun"]),  # ç ğ ş ö ü
    ("kâğıt millî Kâzım", ["kagit", "milli", "kazim"]),  # â î
    ("Hûda", ["huda"]),  # û
    ("Xaçmaz Qəbələ", ["xacmaz", "qebele"]),  # Azerbaijani x, q stay
    ("Minister of Energy, 2025/27", ["minister", "of", "energy", "2025", "27"]),
    ("Bakıda", ["bakida"]),
]


@pytest.mark.parametrize(("written", "folded"), TABLE)
def test_each_spelling_folds_as_people_type_it(written, folded):
    assert words(written) == folded


def test_a_turkish_and_an_english_capital_i_fold_alike():
    """Lower case, a Turkish "I" is "ı" and an English one "i"; without diacritics both are "i"."""
    assert fold("I") == fold("ı") == fold("i") == fold("İ") == "i"


def test_spans_point_into_the_text_as_written_suffix_included():
    text = "Görüşme Hacıyev'in ofisinde."
    assert [(text[start:end], word) for start, end, word in spans(text)] == [
        ("Görüşme", "gorusme"),
        ("Hacıyev'in", "haciyev"),
        ("ofisinde", "ofisinde"),
    ]

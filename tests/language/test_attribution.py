"""Attribution of quotes and reported speech, per verb, language and tense (docs/attribution.md).

Sources: conventions.md §4.1 (tr ``Altun, “…” dedi.``, az ``“…”, – deyə … bildirib.`` and ``“…”, – o
vurğulayıb.``, en ``“…,” Hajiyev said.``); AA copy for tr ``… diye vurguladı`` / ``… ifadelerini
kullandı`` and ``X, şu ifadeleri kullandı:`` before a quote of several paragraphs (sondakika.com,
2026-02-04); AZERTAC's colon form before a long quote (``…çıxışında deyib:``, arazinfo.com); the AP
Stylebook on running quotations (gatehousenewsroom.com, arts.vcu.edu) and on ``said`` after the name
(inverted when a long title follows); the spec's verb table (draft-format-v2.md, ``verb``).
"""

from __future__ import annotations

import pytest

from pressdraft.core.body import VERBS
from pressdraft.language.attribution import (
    FUTURE,
    PAST,
    QUOTE_FORMULAS,
    VERB_FORMS,
    Speaker,
    attribute_paraphrase,
    attribute_quote,
    first_sentence,
    quote_verb,
)
from pressdraft.language.quotes import running_quote, smart_quotes
from pressdraft.language.signing import english_plural

# The spec's table of verbs (draft-format-v2.md, ``verb``), past tense, in the order of core.body.VERBS.
SPEC_PAST = {
    "tr": "dedi/ekledi/vurguladı/kaydetti/ifade etti/duyurdu/dile getirdi/çağrıda bulundu/"
    "memnuniyetle karşıladı/kınadı",
    "az": "bildirib/əlavə edib/vurğulayıb/qeyd edib/bəyan edib/elan edib/ifadə edib/çağırıb/alqışlayıb/pisləyib",
    "en": "said/added/stressed/noted/stated/announced/expressed/called/welcomed/condemned",
}


@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_every_verb_has_the_spec_form_in_the_past(lang):
    forms = dict(zip(VERBS, SPEC_PAST[lang].split("/"), strict=True))
    if lang == "tr":  # a direct quote is said (dedi); reported speech is stated (…olduğunu belirtti, spec)
        assert QUOTE_FORMULAS["tr"][PAST]["say"] == forms.pop("say")
        assert VERB_FORMS["tr"][PAST]["say"] == "belirtti"
    assert {verb: VERB_FORMS[lang][PAST][verb] for verb in forms} == forms


@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_every_verb_has_a_future_form(lang):
    assert set(VERB_FORMS[lang][FUTURE]) == set(VERBS)


FUTURE_FORMS = [  # spec: announcements in the future in every language (imzalanacak, imzalanacaq, will be signed)
    ("tr", "stress", "vurgulayacak"),
    ("tr", "note", "kaydedecek"),
    ("tr", "welcome", "memnuniyetle karşılayacak"),
    ("az", "say", "bildirəcək"),
    ("az", "stress", "vurğulayacaq"),
    ("az", "condemn", "pisləyəcək"),
    ("en", "say", "will say"),
    ("en", "call", "will call"),
]


@pytest.mark.parametrize(("lang", "verb", "form"), FUTURE_FORMS)
def test_future_forms(lang, verb, form):
    assert VERB_FORMS[lang][FUTURE][verb] == form


ALTUN = {"tr": Speaker("Altun"), "az": Speaker("F.Altun"), "en": Speaker("Altun")}
QUOTE = {
    "tr": "Bu alanlarda mutabakat içindeyiz.",
    "az": "Bu sahələrdə konsensusumuz var.",
    "en": "We have a consensus in these fields.",
}

DIRECT = [
    # conventions.md §4.1: tr ``Altun, “…” dedi.`` — the final mark stays inside
    ("tr", "say", "Altun, “Bu alanlarda mutabakat içindeyiz.” dedi."),
    # AA: a verb other than *demek* takes the quote through *diye*
    ("tr", "stress", "Altun, “Bu alanlarda mutabakat içindeyiz.” diye vurguladı."),
    ("tr", "add", "Altun, “Bu alanlarda mutabakat içindeyiz.” diye ekledi."),
    ("tr", "note", "Altun, “Bu alanlarda mutabakat içindeyiz.” diye kaydetti."),
    # conventions.md §4.1 and §7.2: ``“…” ifadelerini kullandı``
    ("tr", "state", "Altun, “Bu alanlarda mutabakat içindeyiz.” ifadelerini kullandı."),
    ("tr", "call", "Altun, “Bu alanlarda mutabakat içindeyiz.” diye çağrıda bulundu."),
    # no direct-quote formula for welcome/condemn/express: the neutral say (docs/attribution.md)
    ("tr", "welcome", "Altun, “Bu alanlarda mutabakat içindeyiz.” dedi."),
    # conventions.md §4.1: az ``“…”, – deyə Hikmət Hacıyev yazıb.``; the period gives way to the comma
    ("az", "say", "“Bu sahələrdə konsensusumuz var”, – deyə F.Altun bildirib."),
    ("az", "stress", "“Bu sahələrdə konsensusumuz var”, – deyə F.Altun vurğulayıb."),
    ("az", "note", "“Bu sahələrdə konsensusumuz var”, – deyə F.Altun qeyd edib."),
    ("az", "condemn", "“Bu sahələrdə konsensusumuz var”, – deyə F.Altun bildirib."),
    # AP: ``“…,” Hajiyev said.``
    ("en", "say", "“We have a consensus in these fields,” Altun said."),
    ("en", "add", "“We have a consensus in these fields,” Altun added."),
    ("en", "announce", "“We have a consensus in these fields,” Altun announced."),
    ("en", "welcome", "“We have a consensus in these fields,” Altun said."),
    ("en", "express", "“We have a consensus in these fields,” Altun said."),
]


@pytest.mark.parametrize(("lang", "verb", "expected"), DIRECT)
def test_a_direct_quote_takes_its_languages_formula(lang, verb, expected):
    assert attribute_quote([QUOTE[lang]], ALTUN[lang], lang, verb) == [expected]


@pytest.mark.parametrize(("verb", "lang"), [("welcome", "tr"), ("condemn", "az"), ("call", "en"), ("express", "en")])
def test_verbs_without_a_quote_formula_fall_back_to_say(verb, lang):
    assert quote_verb(verb, lang) == "say"


SETTING = {"tr": "basın toplantısında", "az": "mətbuat konfransında", "en": "at the press conference"}
WITH_SETTING = [
    ("tr", PAST, "Altun, basın toplantısında “Bu alanlarda mutabakat içindeyiz.” dedi."),
    ("tr", FUTURE, "Altun, basın toplantısında “Bu alanlarda mutabakat içindeyiz.” diyecek."),
    ("az", PAST, "“Bu sahələrdə konsensusumuz var”, – deyə F.Altun mətbuat konfransında bildirib."),
    ("az", FUTURE, "“Bu sahələrdə konsensusumuz var”, – deyə F.Altun mətbuat konfransında bildirəcək."),
    ("en", PAST, "“We have a consensus in these fields,” Altun said at the press conference."),
    ("en", FUTURE, "“We have a consensus in these fields,” Altun will say at the press conference."),
]


@pytest.mark.parametrize(("lang", "tense", "expected"), WITH_SETTING)
def test_a_setting_is_printed_where_each_language_puts_it(lang, tense, expected):
    assert attribute_quote([QUOTE[lang]], ALTUN[lang], lang, "say", tense, SETTING[lang]) == [expected]


def test_no_setting_is_invented():
    for lang in ("tr", "az", "en"):
        (line,) = attribute_quote([QUOTE[lang]], ALTUN[lang], lang)
        assert all(word not in line for word in ("tören", "mərasim", "ceremony", SETTING[lang]))


def test_english_inverts_said_before_a_long_title_ap():
    speaker = Speaker("Fahrettin Altun, Director of Communications of the Turkish Presidency", appositive=True)
    assert attribute_quote(["We agree."], speaker, "en") == [
        "“We agree,” said Fahrettin Altun, Director of Communications of the Turkish Presidency."
    ]
    assert attribute_paraphrase("that they agree", speaker, "en") == (
        "Fahrettin Altun, Director of Communications of the Turkish Presidency, said that they agree."
    )


def test_english_pronoun_for_a_continuing_speaker():
    assert attribute_quote(["More."], Speaker("she", pronoun=True), "en", "add") == ["“More,” she added."]
    assert attribute_paraphrase("that it works", Speaker("he", pronoun=True), "en") == "He said that it works."


def test_english_multi_sentence_quote_is_attributed_after_its_first_sentence_ap():
    text = "We are one nation. Mr. Altun and Dr. Hajiyev agree on it. It is a good day."
    assert attribute_quote([text], ALTUN["en"], "en") == [
        "“We are one nation,” Altun said. “Mr. Altun and Dr. Hajiyev agree on it. It is a good day.”"
    ]


def test_english_two_paragraph_quote_leaves_the_first_open_ap_running_quotation():
    # AP: no close-quote at the end of a paragraph followed by more quoted text; open-quote on each new one
    assert attribute_quote(["First paragraph. Its end.", "Second paragraph."], ALTUN["en"], "en", "stress") == [
        "“First paragraph,” Altun stressed. “Its end.",
        "“Second paragraph.”",
    ]
    assert attribute_quote(["One sentence.", "Second paragraph."], ALTUN["en"], "en") == [
        "“One sentence,” Altun said.",
        "“Second paragraph.”",
    ]


def test_turkish_two_paragraph_quote_is_introduced_as_aa_does():
    # AA (sondakika.com, 2026-02-04): "…aktaran Turan, şu ifadeleri kullandı:" then the quotation
    assert attribute_quote(["Birinci paragraf.", "İkinci paragraf."], ALTUN["tr"], "tr") == [
        "Altun, şu ifadeleri kullandı:",
        "“Birinci paragraf.",
        "İkinci paragraf.”",
    ]
    assert attribute_quote(["Bir.", "İki."], ALTUN["tr"], "tr", "stress")[0] == "Altun, şunları vurguladı:"


def test_azerbaijani_two_paragraph_quote_is_introduced_with_a_colon():
    # AZERTAC / arazinfo.com: "… çıxışında deyib:" then the quotation; the brief's ``F.Altun vurğulayıb: “…”``
    assert attribute_quote(["Birinci abzas.", "İkinci abzas."], ALTUN["az"], "az", "stress", PAST, "iclasda") == [
        "F.Altun iclasda vurğulayıb:",
        "“Birinci abzas.",
        "İkinci abzas.”",
    ]


PARAPHRASE = [
    # spec: tr ``Altun, iki ülkenin … olduğunu belirtti.``
    ("tr", "say", "iki ülkenin stratejik ortak olduğunu", "Altun, iki ülkenin stratejik ortak olduğunu belirtti."),
    ("tr", "welcome", "anlaşmanın imzalanmasını", "Altun, anlaşmanın imzalanmasını memnuniyetle karşıladı."),
    # spec: az ``F.Altun … olduğunu bildirib.``
    ("az", "say", "iki ölkənin strateji tərəfdaş olduğunu", "F.Altun iki ölkənin strateji tərəfdaş olduğunu bildirib."),
    ("az", "condemn", "hücumu", "F.Altun hücumu pisləyib."),
    # spec: en ``Altun said that …``
    (
        "en",
        "say",
        "that the two countries are strategic partners.",
        "Altun said that the two countries are strategic partners.",
    ),
    ("en", "call", "for restraint", "Altun called for restraint."),
]


@pytest.mark.parametrize(("lang", "verb", "clause", "expected"), PARAPHRASE)
def test_paraphrase_is_reported_speech(lang, verb, clause, expected):
    assert attribute_paraphrase(clause, ALTUN[lang], lang, verb) == expected


def test_a_paraphrase_at_a_coming_setting_is_in_the_future():
    assert attribute_paraphrase("that they agree", ALTUN["en"], "en", "say", FUTURE, "at the forum") == (
        "Altun will say at the forum that they agree."
    )
    assert attribute_paraphrase("anlaştıklarını", ALTUN["tr"], "tr", "say", FUTURE, "forumda") == (
        "Altun, forumda anlaştıklarını belirtecek."
    )


@pytest.mark.parametrize(
    ("text", "first", "rest"),
    [
        ("One. Two.", "One.", "Two."),
        ("Dr. Smith came. Then he left.", "Dr. Smith came.", "Then he left."),
        ("The U.S. agreed. Good.", "The U.S. agreed.", "Good."),
        ("Really? Yes.", "Really?", "Yes."),
        ("Only one sentence.", "Only one sentence.", ""),
        ("It was Sept. 5 then. Fine.", "It was Sept. 5 then.", "Fine."),
    ],
)
def test_first_sentence(text, first, rest):
    assert first_sentence(text) == (first, rest)


@pytest.mark.parametrize(
    ("kind", "plural"),
    [
        ("agreement", "agreements"),
        ("memorandum of understanding", "memoranda of understanding"),
        ("treaty", "treaties"),
        ("protocol on cooperation", "protocols on cooperation"),
        ("joint declaration", "joint declarations"),
    ],
)
def test_english_plural_of_a_kind_of_document(kind, plural):
    # the noun a count of documents takes in English (language/signing.py)
    assert english_plural(kind) == plural


def test_the_period_typed_after_a_clause_is_not_kept_inside_the_sentence():
    assert attribute_paraphrase("iki ülkenin dost olduğunu.", ALTUN["tr"], "tr") == (
        "Altun, iki ülkenin dost olduğunu belirtti."
    )
    assert attribute_paraphrase("hücumu. ", ALTUN["az"], "az", "condemn") == "F.Altun hücumu pisləyib."
    assert attribute_paraphrase("that it works?", ALTUN["en"], "en") == "Altun said that it works?"
    assert attribute_paraphrase("that it was “historic.”", ALTUN["en"], "en") == "Altun said that it was “historic.”"


SMART = [
    # spec "Inline text": straight double quotes around words print as the language's marks; CLDR and
    # conventions.md §4.1: “ ” with ‘ ’ inside in all three languages
    (
        "tr",
        'Toplantı "Köklü Geçmiş, Güçlü Gelecek" temasıyla yapıldı.',
        "Toplantı “Köklü Geçmiş, Güçlü Gelecek” temasıyla yapıldı.",
    ),
    ("az", '"Report"un xəbərinə görə', "“Report”un xəbərinə görə"),  # A9: the suffix after the closing mark
    ("en", 'He called it "a "new" start."', "He called it “a ‘new’ start.”"),
    ("en", 'Already “curly” and "straight"', "Already “curly” and “straight”"),
    # single quotes stay: in Turkish they are apostrophes (R1)
    ("tr", 'Ankara\'da "yeni" dönem', "Ankara'da “yeni” dönem"),
]


@pytest.mark.parametrize(("lang", "typed", "printed"), SMART)
def test_straight_double_quotes_print_as_the_languages_marks(lang, typed, printed):
    assert smart_quotes(typed, lang) == printed


def test_a_running_quotation_in_each_language():
    # en: AP (each paragraph opened, the last closed); tr, az: one pair around the whole (⚠ docs/attribution.md)
    assert running_quote(["One.", "Two"], "en") == ["“One.", "“Two.”"]
    assert running_quote(["Bir.", "İki"], "tr") == ["“Bir.", "İki.”"]
    assert running_quote(['Bir "söz".', "İki?"], "az") == ["“Bir ‘söz’.", "İki?”"]

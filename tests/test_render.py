"""Draft + template -> Markdown: the version-1 example (tests/data/v1) reads like the real release in each language."""

from pathlib import Path

import pytest

from pressdraft.core.problems import PressdraftError

GOLDEN = Path(__file__).parent / "golden" / "v1"


@pytest.fixture
def rendition(engine, example_data):
    return engine.render(engine.draft_from_data(example_data))


@pytest.mark.parametrize("lang", ["tr", "az", "en"])
def test_the_example_matches_its_golden_markdown(rendition, lang):
    assert rendition.markdown[lang] == (GOLDEN / f"joint-media-platform.{lang}.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("lang", "written"),
    [
        ("tr", "**İSTANBUL, 23 Ekim 2021** —"),  # Turkish: names and places as Turkish editors write them
        ("tr", "Ortak Medya Platformunun ilk toplantısı"),  # institution: no apostrophe (TDK)
        ("tr", "Hikmet Hacıyev'in eş başkanlığında İstanbul'da gerçekleştirildi."),
        ("tr", "Altun, “Medya, iletişim"),
        ("tr", "mutabakat içindeyiz.” dedi."),
        ("tr", "Hacıyev ise “Bugün"),
        ("tr", "# Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı"),  # verb-led headline
        ("az", "**İSTANBUL, 23 oktyabr 2021** —"),  # Azerbaijani: its own attribution
        ("az", "ilk iclası oktyabrın 23-də İstanbulda"),
        ("az", "Hikmət Hacıyevin həmsədrliyi ilə keçirilib."),
        ("az", "konsensusumuz var”, – deyə F.Altun bildirib."),
        ("az", "”, – deyə o vurğulayıb."),
        ("az", "”, – deyə H.Hacıyev qeyd edib."),
        ("en", "FOR IMMEDIATE RELEASE"),  # English: US press style
        ("en", "**ISTANBUL, Oct. 23, 2021** —"),  # AP "datelines", "months"
        ("en", "was held in Istanbul on Saturday, co-chaired by Fahrettin Altun"),  # AP "days of the week"
        ("en", "Hikmet Hajiyev"),
        ("en", "public diplomacy,” Altun said. “We have"),  # AP: attribution after the first sentence
        ("en", "work in coordination,” he added. “With"),
        ("en", "six committees"),
    ],
)
def test_each_release_is_written_as_its_languages_editors_write(rendition, lang, written):
    assert written in rendition.markdown[lang]


def test_the_azerbaijani_release_uses_no_apostrophes(rendition):
    assert "'" not in rendition.markdown["az"].split("### ")[0]


def test_the_english_release_ends_with_the_us_end_mark(rendition):
    assert rendition.markdown["en"].rstrip().endswith("\\#\\#\\#")


def test_no_template_syntax_is_left_in_any_language(rendition):
    for markdown in rendition.markdown.values():
        assert "{{" not in markdown and "{%" not in markdown and "}}" not in markdown


def test_hostile_user_text_stays_literal(engine, example_data):
    example_data["fields"]["theme"]["en"] = "*bold* _it_ [x](javascript:alert(1)) <script> `c` # h"
    example_data["fields"]["committees"][0]["en"] = "1. not a number"
    example_data["fields"]["background"]["en"] = "> quote?\n\n- dash\n\n{.release}"
    markdown = engine.render(engine.draft_from_data(example_data), ["en"]).markdown["en"]
    assert "\\*bold\\* \\_it\\_ \\[x\\](javascript:alert(1)) \\<script> \\`c\\` \\# h" in markdown
    assert "- 1\\. not a number" in markdown
    assert "\\> quote?\n\n\\- dash\n\n\\{.release\\}" in markdown


def test_an_incomplete_language_is_refused_with_every_gap(engine, example_data):
    del example_data["fields"]["theme"]["az"]
    del example_data["fields"]["quotes"][1]["text"]["az"]
    draft = engine.draft_from_data(example_data)
    with pytest.raises(PressdraftError) as caught:
        engine.render(draft)
    assert [(p.path, p.lang) for p in caught.value.problems] == [
        ("fields.theme", "az"),
        ("fields.quotes[1].text", "az"),
    ]
    assert engine.render(draft, ["tr", "en"]).markdown.keys() == {"tr", "en"}


def test_allowing_incomplete_marks_each_gap_visibly(engine, example_data):
    del example_data["fields"]["theme"]["az"]
    rendition = engine.render(engine.draft_from_data(example_data), allow_incomplete=True)
    assert "⟦YOXDUR: fields.theme⟧" in rendition.markdown["az"]
    assert [(p.path, p.lang) for p in rendition.gaps] == [("fields.theme", "az")]


def test_a_headline_override_replaces_the_proposal_language_by_language(engine, example_data):
    example_data["fields"]["headline"] = {"en": "Turkey and Azerbaijan hold first meeting of Joint Media Platform"}
    rendition = engine.render(engine.draft_from_data(example_data))
    assert "# Turkey and Azerbaijan hold first meeting of Joint Media Platform\n" in rendition.markdown["en"]
    assert "# Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı\n" in rendition.markdown["tr"]


def test_an_embargo_replaces_the_release_line_with_its_time_zone(engine, example_data):
    example_data["release"]["embargo"] = "2021-10-23T18:00:00+03:00"
    markdown = engine.render(engine.draft_from_data(example_data)).markdown
    assert markdown["en"].startswith("{.release}\nEMBARGOED UNTIL")
    assert "UTC+3" in markdown["en"] and "UTC+3" in markdown["tr"] and "UTC+3" in markdown["az"]


def test_another_meeting_in_another_city_reads_just_as_well(engine, example_data):
    fields = example_data["fields"]
    fields.update(meeting_number=2, city="baku", committees=[fields["committees"][0]], quotes=fields["quotes"][2:])
    example_data["release"]["city"] = "baku"
    markdown = engine.render(engine.draft_from_data(example_data)).markdown
    assert "ikinci toplantısını Bakü'de yaptı" in markdown["tr"]
    assert "**BAKÜ, 23 Ekim 2021**" in markdown["tr"]
    assert "## Bir komite kurulacak" in markdown["tr"]
    assert "ikinci iclası Bakıda keçirilib" in markdown["az"]
    assert "**BAKI, 23 oktyabr 2021**" in markdown["az"]
    assert "holds second meeting in Baku" in markdown["en"]
    assert "## One committee to be established" in markdown["en"]
    assert "establish one committee:" in markdown["en"]


def test_a_person_whose_name_ends_like_a_possessive_is_still_a_person(engine, example_data):
    # "Ahmet Kuzusu" ends in -su like "Ortak Medya Platformu", but a person's name is not a
    # possessive compound: Kuzusu'da, not Kuzusu'nda (TDK R1, R12).
    from pressdraft.language import inflect
    from pressdraft.pipeline.resolve import resolve

    example_data["fields"]["chairs"] = [{"name": {"tr": "Ahmet Kuzusu", "az": "Əhməd Kuzusu", "en": "Ahmet Kuzusu"}}]
    draft = engine.draft_from_data(example_data)
    chair = resolve(draft, engine.library.get("joint-meeting"), engine.directory, "tr").context["chairs"][0]
    assert inflect(chair.full, "locative", "tr") == "Ahmet Kuzusu'da"
    assert inflect(chair.short, "locative", "tr") == "Kuzusu'da"
    assert inflect("Avrupa Birliği", "locative", "tr") == "Avrupa Birliği'nde"

"""The body of a release on the compose page (draft format 2), through AppTest: blocks added, moved and
removed by id, a reload keeps them, stale marks and conflicts per block, problems told beside their block."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from widgets import add_block, block

from pressdraft.core.body import BLOCK_TYPES, VERBS
from pressdraft.ui.body_editor import BLOCK_WIDGETS
from pressdraft.ui.labels import KIND_LABELS, VERB_LABELS
from pressdraft.ui.text import literal

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"


def draft_id(at: AppTest) -> str:
    wanted = at.query_params["draft"]
    return wanted[0] if isinstance(wanted, list) else wanted


def stored(at: AppTest) -> dict:
    from pressdraft.app.settings import load_settings
    from pressdraft.store import open_store

    store = open_store(load_settings()["database_url"])
    try:
        return store.get_draft(draft_id(at)).data
    finally:
        store.close()


def kinds(data: dict) -> list[str]:
    return [next(iter(b)) for b in data.get("body", [])]


def another_tab(at: AppTest) -> AppTest:
    """The same draft in a new session: a reload, or a second tab."""
    other = AppTest.from_file(str(APP), default_timeout=60)
    other.query_params["draft"] = draft_id(at)
    other.run()
    assert not other.exception
    return other


def new_release(app: AppTest) -> AppTest:
    app.button(key="new-release").click().run()
    assert not app.exception and stored(app)["format"] == 2
    return app


def test_every_block_kind_and_verb_has_a_widget_and_a_label():
    assert list(BLOCK_WIDGETS) == list(KIND_LABELS) == list(BLOCK_TYPES)
    assert tuple(VERB_LABELS) == VERBS


def test_blocks_are_added_from_the_picker_moved_and_removed_and_a_reload_keeps_them(app):
    new_release(app)
    for kind in ("paragraph", "quote", "documents"):
        add_block(app, kind)
    assert not app.exception and kinds(stored(app)) == ["paragraph", "quote", "documents"]
    app.text_area(key=block(app, 0, "paragraph-en")).input("The first paragraph.").run()
    app.text_area(key=block(app, 1, "quote-text-tr")).input("Dostluğumuz köklüdür.").run()
    app.button(key=block(app, 2, "up")).click().run()  # documents before the quote
    assert kinds(stored(app)) == ["paragraph", "documents", "quote"]
    app.button(key=block(app, 0, "remove")).click().run()
    assert kinds(stored(app)) == ["documents", "quote"] and not app.exception
    assert app.text_area(key=block(app, 1, "quote-text-tr")).value == "Dostluğumuz köklüdür."
    reloaded = another_tab(app)
    assert reloaded.text_area(key=block(reloaded, 1, "quote-text-tr")).value == "Dostluğumuz köklüdür."
    assert block(reloaded, 0, "") == block(app, 0, "")  # the same ids, saved beside the draft


def test_a_quote_block_takes_a_speaker_a_verb_a_setting_and_its_own_source_language(app):
    new_release(app)
    add_block(app, "quote")
    assert any(literal("body[0].quote.speaker: required") in c.value for c in app.caption)  # told in the block
    app.selectbox(key=block(app, 0, "quote-speaker-key")).set_value("hikmet-hajiyev").run()
    app.selectbox(key=block(app, 0, "quote-verb")).set_value("stress").run()
    app.selectbox(key=block(app, 0, "quote-source")).set_value("az").run()
    app.text_input(key=block(app, 0, "quote-setting-en")).input("at the press conference").run()
    assert app.text_area(key=block(app, 0, "quote-text-az")).label == "AZ · source"
    quote = stored(app)["body"][0]["quote"]
    assert quote == {
        "speaker": "hikmet-hajiyev",
        "verb": "stress",
        "source_language": "az",
        "text": {},
        "setting": {"en": "at the press conference"},
    }
    assert not [c for c in app.caption if "speaker" in c.value]


def test_documents_are_rows_of_their_block_each_with_its_signatories(app):
    new_release(app)
    add_block(app, "documents")
    for _ in range(2):
        app.button(key=block(app, 0, "documents-add")).click().run()
    rows = [str(b.key) for b in app.button if str(b.key).startswith(block(app, 0, "documents-"))]
    second = [k for k in rows if k.endswith("-remove")][1].removesuffix("remove")
    app.text_input(key=second + "title-en").input("Protocol on Media Cooperation").run()
    app.multiselect(key=second + "signatories-keys").set_value(["zeynep-aksoy", "elnur-huseynov"]).run()
    documents = stored(app)["body"][0]["documents"]
    assert documents[1] == {
        "title": {"en": "Protocol on Media Cooperation"},
        "signatories": ["zeynep-aksoy", "elnur-huseynov"],
    }
    assert documents[0] == {"title": {}, "signatories": []} and not app.exception


def test_a_block_translation_goes_stale_when_its_source_changes_until_confirmed(app):
    new_release(app)
    add_block(app, "paragraph")
    for lang, text in {"tr": "Toplantı verimli geçti.", "az": "Görüş səmərəli keçdi.", "en": "It went well."}.items():
        app.text_area(key=block(app, 0, f"paragraph-{lang}")).input(text).run()
    assert not [c for c in app.caption if "Stale" in c.value]
    app.text_area(key=block(app, 0, "paragraph-tr")).input("Toplantı çok verimli geçti.").run()
    assert len([c for c in app.caption if "Stale" in c.value]) == 2
    app.button(key=block(app, 0, "paragraph-az-confirm")).click().run()
    assert len([c for c in app.caption if "Stale" in c.value]) == 1
    checks = " ".join(h.proto.body for h in app.get("html"))
    assert "body[0].paragraph: stale translation" in checks and 'href="#f-body-0"' in checks


def test_one_block_typed_in_two_tabs_is_a_conflict_there_and_other_blocks_merge(app):
    new_release(app)
    add_block(app, "paragraph")
    add_block(app, "subheading")
    other = another_tab(app)
    app.text_area(key=block(app, 0, "paragraph-en")).input("Theirs.").run()
    other.text_area(key=block(other, 0, "paragraph-en")).input("Mine.").run()
    other.text_input(key=block(other, 1, "subheading-en")).input("Programme").run()  # another block: merged
    assert not other.exception
    assert stored(app)["body"] == [{"paragraph": {"en": "Theirs."}}, {"subheading": {"en": "Programme"}}]
    assert other.text_area(key=block(other, 0, "paragraph-en")).value == "Mine."
    assert any("paragraph · EN was changed in another tab or session" in w.value for w in other.warning)
    other.button(key=block(other, 0, "paragraph-en-keep")).click().run()
    assert stored(app)["body"][0] == {"paragraph": {"en": "Mine."}}


def test_a_block_removed_in_another_tab_is_never_confused_with_the_one_now_at_its_place(app):
    new_release(app)
    add_block(app, "paragraph")
    add_block(app, "statement")
    other = another_tab(app)
    app.button(key=block(app, 0, "remove")).click().run()
    other.text_area(key=block(other, 0, "paragraph-en")).input("Typed into a removed block.").run()
    assert not other.exception
    assert stored(app)["body"] == [{"statement": {}}]
    assert any("this row was removed in another tab or session" in w.value for w in other.warning)


def test_the_event_and_the_release_number_are_fields_of_the_form(app):
    new_release(app)
    app.toggle(key="w-event-time-tba").set_value(True).run()
    app.selectbox(key="w-event-status").set_value("announcement").run()
    app.text_input(key="w-release-number").input("2026/41").run()
    data = stored(app)
    assert data["event"] == {"time": "tba", "status": "announcement"}
    assert data["release"]["number"] == "2026/41" and not app.exception
    app.selectbox(key="w-event-status").set_value("auto").run()
    assert "status" not in stored(app)["event"]
    captions = [c.value for c in app.caption]
    assert "Left empty, the event's date is used." in captions  # joint-meeting's date: event: date
    assert "Left empty, the event's city is used." in captions


def test_a_field_a_body_block_can_say_is_told_so(app):
    new_release(app)
    app.selectbox(key="w-template").set_value("agreement-signing").run()
    assert "May be left empty when the body has a “Documents signed” block." in [c.value for c in app.caption]


def test_a_format_1_draft_can_change_to_format_2_keeping_every_value_as_the_command_line_does(data_dir):
    from pressdraft.app.service import AppService
    from pressdraft.app.settings import load_settings
    from pressdraft.app.trust import template_runner

    version_1 = ROOT / "tests" / "data" / "v1" / "media-advisory.yaml"  # its field 'event' is now called 'occasion'
    service = AppService.open(load_settings(), template_runner())
    opened = AppTest.from_file(str(APP), default_timeout=60)
    opened.query_params["draft"] = service.import_draft(version_1.read_bytes(), version_1.name)
    opened.run()
    before = stored(opened)
    assert before["format"] == 1 and not [b for b in opened.button if str(b.key) == "w-body-add"]
    opened.button(key="w-upgrade").click().run()
    after = stored(opened)
    assert after["format"] == 2 and not opened.exception
    renamed = {("occasion" if name == "event" else name): v for name, v in before["fields"].items()}
    moved = {"date": "date", "place": "city", "venue": "venue"}  # the fields the template gives to the event
    assert after["fields"] == {name: v for name, v in renamed.items() if name not in moved}
    assert after["event"] == {key: renamed[name] for name, key in moved.items()}
    assert "TR: complete · AZ: complete · EN: complete" in [m.value for m in opened.markdown]
    add_block(opened, "paragraph")
    assert kinds(stored(opened)) == ["paragraph"]

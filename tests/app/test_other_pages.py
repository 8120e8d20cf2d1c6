"""The drafts and directory pages, each run on its own through AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from pressdraft.ui.text import literal


def drafts_page() -> None:
    from pressdraft.ui import drafts

    drafts.page()


def directory_page() -> None:
    from pressdraft.ui import directory_page

    directory_page.page()


def run(page) -> AppTest:
    at = AppTest.from_function(page, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def test_the_drafts_page_lists_opens_duplicates_deletes_and_restores(data_dir):
    at = run(drafts_page)
    titles = [m.value for m in at.markdown if m.value.startswith("**")]
    title = "Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı"
    assert titles == [f"**{literal(title)}**"]
    assert any("TR: complete · AZ: complete · EN: complete" in c.value for c in at.caption)
    draft_id = next(b.key for b in at.button if b.key and b.key.startswith("dup-")).removeprefix("dup-")
    at.button(key=f"dup-{draft_id}").click().run()
    assert len([m for m in at.markdown if m.value.startswith("**")]) == 2
    at.button(key=f"del-{draft_id}").click().run()
    assert not at.exception
    assert at.button(key=f"restore-{draft_id}").label == "Restore"
    at.button(key=f"restore-{draft_id}").click().run()
    assert f"del-{draft_id}" in [b.key for b in at.button]
    exports = [b.proto.label for b in at.get("download_button")]
    assert exports.count("Export YAML") == 2 and exports.count("Export JSON") == 2


def test_the_directory_page_shows_each_section_a_column_per_language(data_dir):
    at = run(directory_page)
    assert [t.label for t in at.tabs] == ["People", "Organizations", "Contacts", "Places"]
    assert len(at.dataframe) == 4
    assert at.dataframe[0].value.iloc[0]["name.az"] == "Fahrettin Altun"
    assert list(at.dataframe[3].value.columns) == ["key", "name.tr", "name.az", "name.en"]
    assert not at.exception


def test_the_templates_page_lists_the_library_and_opens_the_editor_with_its_checks(data_dir, tmp_path):
    script = tmp_path / "templates_page.py"
    script.write_text("from pressdraft.ui import templates_page\ntemplates_page.page()\n", "utf-8")
    at = AppTest.from_file(str(script), default_timeout=60)
    at.run()
    at.selectbox(key="tpl-pick").set_value("joint-meeting").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "joint-meeting" in list(table["Key"])
    assert at.subheader[0].value == literal("joint-meeting")
    assert any("Every check passes." in s.value for s in at.success)
    assert any("No saved versions yet" in c.value for c in at.caption)

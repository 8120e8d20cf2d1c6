"""The History page and comments beside the compose form's fields, through AppTest (local mode)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from widgets import add_block

from pressdraft.app.settings import load_settings
from pressdraft.store import Store, open_store

REVIEWER = "emre@example.org"


def history_page() -> None:
    from pressdraft.ui import history_page

    history_page.page()


def the_store() -> Store:
    return open_store(load_settings()["database_url"])


def draft_of(at: AppTest) -> str:
    draft_id = at.query_params["draft"]
    return draft_id[0] if isinstance(draft_id, list) else draft_id


def with_az_theme(store: Store, draft_id: str, theme: str) -> None:
    """Someone else changes the Azerbaijani theme: a version of its own."""
    draft = store.get_draft(draft_id)
    data = {**draft.data, "fields": {**draft.data["fields"], "theme": {**draft.data["fields"]["theme"], "az": theme}}}
    store.save_draft_as(REVIEWER, draft_id, data, expected_revision=draft.revision)


def test_the_history_page_lists_versions_shows_the_marked_diff_restores_and_lists_resolved_comments(data_dir):
    at = AppTest.from_function(history_page, default_timeout=60)
    at.run()
    assert not at.exception
    draft_id = draft_of(at)
    with the_store() as store:
        with_az_theme(store, draft_id, "Köklü keçmiş, <b>parlaq</b> gələcək")
        comment = store.add_comment(
            draft_id, path="fields.theme", language="az", text="Qısa <i>yazın</i>", author=REVIEWER
        )
        store.resolve_comment(comment, user="local")
    at.run()
    assert not at.exception

    rows = [m.value for m in at.markdown if m.value.startswith("<div><strong>")]
    assert [r.split(" · ")[0:2] for r in rows] == [
        ["<div><strong>2</strong>", REVIEWER],
        ["<div><strong>1</strong>", "local"],
    ]
    assert all("Draft · edited" in r for r in rows)
    assert [t.label for t in at.tabs] == ["TR", "AZ", "EN"]
    diffs = [m.value for m in at.markdown if "[−" in m.value or "[+" in m.value]
    (az,) = diffs  # only the Azerbaijani text changed
    assert '<del style="background:#fee4e2;color:#912018">[−güclü−]</del>' in az
    assert "[+&lt;b&gt;parlaq&lt;/b&gt;+]</ins>" in az  # the user's text escaped, marked by text and colour
    resolved = [m.value for m in at.markdown if "Qısa" in m.value]
    assert resolved and "Qısa &lt;i&gt;yazın&lt;/i&gt;" in resolved[0] and "resolved by local" in resolved[0]

    at.button(key="restore-1").click().run()
    assert not at.exception
    with the_store() as store:
        newest = store.draft_history(draft_id)[0]
        assert (newest.number, newest.event, newest.restored_from) == (3, "restore", 1)
        assert store.get_draft(draft_id).data["fields"]["theme"]["az"] == "Köklü keçmiş, güclü gələcək"
    assert any("restored from version 1" in m.value for m in at.markdown)


def submitted(app: AppTest) -> None:
    """The release sent for review (local mode may): reviewers' comment boxes show only then."""
    assert "comment-fields.theme-text" not in [t.key for t in app.text_area]
    app.button(key="review-submit").click().run()
    assert not app.exception


def test_an_open_comment_is_shown_beside_its_field_and_resolved_there(app):
    draft_id = draft_of(app)
    with the_store() as store:
        comment = store.add_comment(
            draft_id, path="fields.theme", language="az", text="“Gələcək” sözü kifayətdir.", author=REVIEWER
        )
    submitted(app)
    assert not app.exception
    shown = [m.value for m in app.markdown if "kifayətdir" in m.value]
    assert len(shown) == 1 and f"<strong>{REVIEWER}</strong>" in shown[0] and " · AZ<br>" in shown[0]
    assert app.text_area(key="comment-fields.theme-text").label == "Comment"  # local mode may comment

    app.button(key=f"resolve-comment-{comment}").click().run()
    assert not app.exception
    assert not [m for m in app.markdown if "kifayətdir" in m.value]
    with the_store() as store:
        assert store.comment(comment).resolved_by == "local"


def test_a_comment_written_in_the_popover_is_kept_and_shown_beside_its_field(app):
    submitted(app)
    app.text_area(key="comment-fields.theme-text").input("Temayı kısaltın.")
    app.selectbox(key="comment-fields.theme-lang").select("tr")
    app.button(key="comment-fields.theme-add").click().run()
    assert not app.exception
    with the_store() as store:
        (comment,) = store.draft_comments(draft_of(app))
    assert (comment.path, comment.language, comment.text, comment.author) == (
        "fields.theme",
        "tr",
        "Temayı kısaltın.",
        "local",
    )
    assert any("Temayı kısaltın." in m.value for m in app.markdown)


def test_a_comment_on_a_body_block_is_shown_in_that_block(app):
    app.button(key="new-release").click().run()
    add_block(app, "paragraph")
    assert "comment-body.0-text" not in [t.key for t in app.text_area]  # while drafted
    app.button(key="review-submit").click().run()
    assert "comment-body.0-text" in [t.key for t in app.text_area]
    with the_store() as store:
        store.add_comment(draft_of(app), path="body.0", language=None, text="Bu paragrafı kısaltın.", author=REVIEWER)
    app.run()
    assert not app.exception
    (shown,) = [m.value for m in app.markdown if "Bu paragrafı kısaltın." in m.value]
    assert " · all languages<br>" in shown

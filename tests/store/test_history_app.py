"""The history page's rules, in the app layer, on SQLite and PostgreSQL: versions, a word diff per
language, a restore as a new version, every change audited, and comments beside fields."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import update

from pressdraft.app.auth import Account
from pressdraft.app.authorization import NotAllowed
from pressdraft.app.history import MAX_COMMENT, tokens, word_diff
from pressdraft.app.locks import Locked
from pressdraft.app.service import EXAMPLE, AppService
from pressdraft.app.trust import template_runner
from pressdraft.core.files import read_data
from pressdraft.core.library import Library, default_templates_folder
from pressdraft.core.problems import PressdraftError
from pressdraft.store import Store
from pressdraft.store.schema import drafts

DRAFTER = Account("deniz@example.org", "drafter")
OTHER_DRAFTER = Account("selin@example.org", "drafter")
EDITOR = Account("emre@example.org", "editor")
ADMIN = Account("ayse@example.org", "admin")
ROLES = {"drafter": DRAFTER, "editor": EDITOR, "admin": ADMIN}


@pytest.fixture
def service(store: Store) -> AppService:
    return AppService(store, Library.from_folder(default_templates_folder()), template_runner())


@pytest.fixture
def release(service: AppService) -> str:
    """The example release, owned by the drafter."""
    data = read_data(EXAMPLE.read_text("utf-8"), "yaml")
    return service.store.create_draft(data, owner=DRAFTER.user, title="sample").id


def set_theme(service: AppService, account: Account, draft_id: str, lang: str, text: str) -> None:
    service.for_user(account).editor(draft_id).set(f"fields.theme.{lang}", text)


def freeze(service: AppService, draft_id: str, status: str) -> None:
    service.store.database.run_write(
        lambda c: c.execute(update(drafts).where(drafts.c.id == draft_id).values(status=status))
    )


# --- the word diff --------------------------------------------------------------------------------


def test_a_word_with_an_apostrophe_suffix_is_one_word_and_its_change_one_segment_each_way():
    assert tokens("Bakı'da toplandı.") == ["Bakı'da", " ", "toplandı", "."]
    assert word_diff("Toplantı Bakı'da yapıldı.", "Toplantı Bakıda yapıldı.") == [
        ("equal", "Toplantı "),
        ("delete", "Bakı'da"),
        ("insert", "Bakıda"),
        ("equal", " yapıldı."),
    ]


def test_an_azerbaijani_diff_reads_back_as_either_text():
    old, new = "Görüş Gəncədə keçirildi, iştirakçılar çox idi.", "Görüş Şəkidə keçirildi; iştirakçılar çox idi."
    segments = word_diff(old, new)
    assert "".join(text for op, text in segments if op != "insert") == old
    assert "".join(text for op, text in segments if op != "delete") == new
    assert ("delete", "Gəncədə") in segments and ("insert", "Şəkidə") in segments
    assert ("delete", ",") in segments and ("insert", ";") in segments


def test_the_diff_of_two_versions_is_the_rendered_text_per_language(service, release):
    set_theme(service, ADMIN, release, "az", "Köklü keçmiş, parlaq gələcək")
    first, second = sorted(v.number for v in service.history.versions(release))

    diff = service.history.diff(release, first, second)
    assert not diff.by_fields and list(diff.languages) == ["tr", "az", "en"]
    assert [s for s in diff.languages["az"] if s[0] != "equal"] == [("delete", "güclü"), ("insert", "parlaq")]
    assert {op for op, _ in diff.languages["tr"]} == {"equal"}
    assert "Köklü Geçmiş, Güçlü Gelecek" in "".join(text for _, text in diff.languages["tr"])


def test_a_version_that_cannot_be_rendered_is_compared_by_its_fields_and_says_so(service, release):
    data = service.store.get_draft(release).data
    half = copy.deepcopy(data)
    half["fields"]["theme"] = {"tr": "Köklü Geçmiş"}
    del half["fields"]["platform"]  # a required field not typed yet
    service.store.save_draft_as(ADMIN.user, release, half, expected_revision=1)
    newest = service.history.versions(release)[0].number

    diff = service.history.diff(release, 1, newest)
    assert diff.unrendered == [newest] and diff.by_fields
    assert ("delete", ", Güçlü Gelecek") in diff.languages["tr"]
    assert any(op == "delete" and "Türkiye-Azerbaycan" in text for op, text in diff.languages["tr"])


# --- versions and restore -------------------------------------------------------------------------


def test_versions_fold_a_persons_autosaves_and_a_restore_is_a_new_version_with_the_old_data(service, release):
    original = service.store.get_draft(release).data
    set_theme(service, DRAFTER, release, "tr", "Bir")
    set_theme(service, DRAFTER, release, "tr", "İki")  # folds into the drafter's version
    set_theme(service, EDITOR, release, "az", "Bakı'da")

    versions = service.history.versions(release)
    assert [(v.number, v.author) for v in versions] == [(2, EDITOR.user), (1, DRAFTER.user)]
    assert versions[1].data["fields"]["theme"]["tr"] == "İki"

    service.for_user(DRAFTER).history.restore(release, 1)
    newest = service.history.versions(release)[0]
    assert (newest.number, newest.event, newest.restored_from, newest.author) == (3, "restore", 1, DRAFTER.user)
    assert service.store.get_draft(release).data == versions[1].data != original


def test_every_save_is_in_the_audit_log_with_who_the_fields_and_the_restored_version(service, release):
    set_theme(service, DRAFTER, release, "tr", "Bir")
    set_theme(service, EDITOR, release, "en", "One")
    service.for_user(EDITOR).history.restore(release, 1)

    entries = service.store.audit_entries(None, object_type="draft_version", object_id=release, newest_first=False)
    assert [(e.user, e.action, e.after["changed"], e.after["event"]) for e in entries] == [
        (DRAFTER.user, "draft.change", ["fields.theme"], "edit"),
        (EDITOR.user, "draft.change", ["fields.theme"], "edit"),
        (EDITOR.user, "draft.change", ["fields.theme"], "restore"),
    ]
    assert [e.after["revision"] for e in entries] == [2, 3, 4] and entries[-1].after["restored_from"] == 1
    assert all(e.before is None for e in entries)  # no data: the versions keep it
    assert any(row["action"] == "draft.change" for row in service.store.export_audit())


@pytest.mark.parametrize("role", list(ROLES))
def test_every_role_may_restore_but_not_an_approved_or_published_release(service, release, role):
    set_theme(service, OTHER_DRAFTER, release, "tr", "Bir")  # version 2
    history = service.for_user(ROLES[role]).history
    history.restore(release, 1)
    assert service.store.get_draft(release).data["fields"]["theme"]["tr"] == "Köklü Geçmiş, Güçlü Gelecek"

    for status in ("approved", "published"):
        freeze(service, release, status)
        before = service.store.get_draft(release).revision
        with pytest.raises(Locked):
            history.restore(release, 2)
        assert service.store.get_draft(release).revision == before


def test_a_refused_account_may_not_restore(service, release):
    refused = service.for_user(Account("stranger@example.org", None, refusal="not_listed"))
    with pytest.raises(NotAllowed):
        refused.history.restore(release, 1)
    assert len(service.history.versions(release)) == 1


# --- comments -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(ROLES))
def test_editors_and_admins_comment_and_a_drafter_is_refused(service, release, role):
    history = service.for_user(ROLES[role]).history
    if role == "drafter":
        with pytest.raises(NotAllowed, match="editors and administrators"):
            history.comment(release, "fields.theme", "az", "Daha qısa yazın.")
        assert service.history.comments(release) == []
        return
    comment_id = history.comment(
        release, "fields.theme", "az", "Daha\u200b qısa yazın, \u201cgələcək\u201d kifayətdir. "
    )
    (comment,) = service.history.comments(release)
    assert (comment.id, comment.path, comment.language, comment.author) == (
        comment_id,
        "fields.theme",
        "az",
        ROLES[role].user,
    )
    assert comment.text == "Daha qısa yazın, \u201cgələcək\u201d kifayətdir."  # cleaned like other text
    assert comment.version == 1 and comment.resolved_at is None


@pytest.mark.parametrize(
    ("path", "language", "text", "message"),
    [
        ("fields.theme", "tr", "  \u200b ", "Write the comment's text."),
        ("fields.theme", None, "ç" * (MAX_COMMENT + 1), f"at most {MAX_COMMENT} characters"),
        ("fields.theme", "ru", "Kısaltın.", "no language “ru”"),
        ("template", None, "Başka şablon?", "not to “template”"),
    ],
)
def test_a_bad_comment_is_refused_in_one_line_and_nothing_is_kept(service, release, path, language, text, message):
    with pytest.raises(PressdraftError, match=message) as refused:
        service.for_user(EDITOR).history.comment(release, path, language, text)
    assert "\n" not in str(refused.value)
    assert service.history.comments(release, include_resolved=True) == []


@pytest.mark.parametrize(
    ("who", "may"),
    [(DRAFTER, True), (EDITOR, True), (ADMIN, True), (OTHER_DRAFTER, False)],
)
def test_the_owner_editors_and_admins_resolve_a_comment_and_it_stays_in_the_history(service, release, who, may):
    comment_id = service.for_user(EDITOR).history.comment(release, "body.2", None, "Bu paragraf uzun.")
    history = service.for_user(who).history
    if not may:
        with pytest.raises(NotAllowed, match="resolve"):
            history.resolve(comment_id)
        assert len(service.history.comments(release)) == 1
        return
    resolved = history.resolve(comment_id)
    assert (resolved.resolved_by, resolved.resolved_at is not None) == (who.user, True)
    assert service.history.comments(release) == []
    assert service.history.comments(release, include_resolved=True) == [resolved]


def test_the_comments_author_resolves_it_even_without_an_editors_role_now(service, release):
    """Written as an editor, resolved after the role went back to drafter: the author still may."""
    comment_id = service.for_user(EDITOR).history.comment(release, "fields.theme", "tr", "Kısaltın.")
    demoted = service.for_user(Account(EDITOR.user, "drafter"))
    assert demoted.history.resolve(comment_id).resolved_by == EDITOR.user


def test_a_purged_drafts_comments_go_with_it(service, release):
    service.for_user(EDITOR).history.comment(release, "fields.theme", None, "Kısaltın.")
    service.store.delete_draft(release, user=ADMIN.user)
    service.store.purge_draft(release, user=ADMIN.user)
    assert service.store.draft_comments(release, include_resolved=True) == []

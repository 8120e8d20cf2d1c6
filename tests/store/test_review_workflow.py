"""The review workflow as the app runs it, on SQLite and PostgreSQL: every role at every step, the
state machine, four eyes, the lock, the number given at approval and the files kept at publishing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import store_workers
from review_states import CHIEF, WRITER, bring_to, new_release
from test_store_concurrency import SPAWN, run_processes

from pressdraft.app.auth import Account
from pressdraft.app.authorization import NotAllowed
from pressdraft.app.locks import Locked
from pressdraft.app.review import CHANGED_MEANWHILE, NOT_FROM, OWN_CHANGES, STEPS
from pressdraft.app.service import AppService
from pressdraft.core.library import Library, default_templates_folder
from pressdraft.core.problems import PressdraftError
from pressdraft.pipeline.in_process import IN_PROCESS
from pressdraft.store import Store
from pressdraft.store.review import StepRefused

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "joint-media-platform.yaml"
ROLES = {
    "drafter": Account("deniz@example.org", "drafter"),
    "editor": Account("emre@example.org", "editor"),
    "admin": Account("ayse@example.org", "admin"),
    "refused": Account("stranger@example.org", None, refusal="not_listed"),
}
EVERYONE, EDITORS = {"drafter", "editor", "admin"}, {"editor", "admin"}
#: step -> (the state a release is brought to first, who may take the step)
TABLE = {
    "submit": ("draft", EVERYONE),
    "request_changes": ("in_review", EDITORS),
    "approve": ("in_review", EDITORS),
    "publish": ("approved", EDITORS),
    "withdraw": ("approved", EVERYONE),
}


@pytest.fixture
def app(store: Store) -> AppService:
    """The app service over the test's store (SQLite, or PostgreSQL when given)."""
    return AppService(store, Library.from_folder(default_templates_folder()), IN_PROCESS)


def release(app: AppService, status: str = "draft", **kwargs) -> str:
    return new_release(app, EXAMPLE, status, **kwargs)


def message(error: PressdraftError) -> str:
    [problem] = error.problems
    return problem.template


def trail(store: Store, draft_id: str) -> tuple:
    """All a step can change of a release: its row, its versions, its audit entries."""
    draft = store.get_draft(draft_id)
    audit = store.audit_entries(None, object_type="draft", object_id=draft_id)
    return draft.status, draft.revision, draft.data, len(store.draft_history(draft_id)), len(audit)


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("step", list(TABLE))
def test_each_role_may_take_the_steps_of_the_table_and_no_other(app: AppService, step: str, role: str):
    start, who_may = TABLE[step]
    draft_id = release(app, start)
    review = app.for_user(ROLES[role]).review
    if role not in who_may:
        before = trail(app.store, draft_id)
        with pytest.raises(NotAllowed):
            getattr(review, step)(draft_id)
        assert trail(app.store, draft_id) == before
        assert step not in review.steps(draft_id)
        return
    assert review.steps(draft_id)[step] is None
    after = getattr(review, step)(draft_id)
    assert after.status == STEPS[step][1]
    assert (after.status_by, after.status_at is not None) == (ROLES[role].user, True)
    newest = app.store.draft_history(draft_id)[0]
    assert (newest.event, newest.status, newest.author, newest.revision) == (
        step,
        after.status,
        ROLES[role].user,
        after.revision,
    )
    entry = app.store.audit_entries(1, object_type="draft", object_id=draft_id)[0]
    assert (entry.action, entry.user, entry.after["status"], entry.after["revision"]) == (
        f"review.{step}",
        ROLES[role].user,
        after.status,
        after.revision,
    )


IMPOSSIBLE = [(step, state) for step, (before, _) in STEPS.items() for state in NOT_FROM if state not in before]


@pytest.mark.parametrize(("step", "state"), IMPOSSIBLE)
def test_a_step_the_state_does_not_allow_is_refused_naming_the_state(app: AppService, step: str, state: str):
    draft_id = release(app, state)
    before = trail(app.store, draft_id)
    admin = app.for_user(ROLES["admin"]).review

    with pytest.raises(PressdraftError) as refused:
        getattr(admin, step)(draft_id)

    assert message(refused.value) == NOT_FROM[state]
    assert trail(app.store, draft_id) == before
    assert step not in admin.steps(draft_id)


def test_a_release_goes_round_and_each_step_is_a_version_of_its_own_with_the_data_unchanged(app: AppService):
    draft_id = release(app, "published")
    editor = app.for_user(CHIEF).review
    editor.withdraw(draft_id, note="  a typo in the headline  ")
    app.for_user(WRITER).review.submit(draft_id)
    editor.request_changes(draft_id, note="the quote needs its source")

    history = app.store.draft_history(draft_id)
    events = [(v.event, v.status) for v in reversed(history)]
    assert events == [
        ("edit", "draft"),
        ("submit", "in_review"),
        ("number", "approved"),  # the number, given in the approval's transaction
        ("approve", "approved"),
        ("publish", "published"),
        ("withdraw", "draft"),
        ("submit", "in_review"),
        ("request_changes", "draft"),
    ]
    assert all(v.data == history[0].data for v in history[:-2])  # since the number: the same text
    entries = app.store.audit_entries(None, object_type="draft", object_id=draft_id)
    notes = [e.after["note"] for e in entries if e.action.startswith("review.")]
    assert notes[0] == "the quote needs its source" and "a typo in the headline" in notes


def test_of_two_people_stepping_at_once_one_wins_and_the_other_is_told(app: AppService):
    draft_id = release(app, "in_review")
    seen = app.store.get_draft(draft_id)
    before, after = STEPS["request_changes"]

    app.for_user(ROLES["editor"]).review.approve(draft_id)  # the other one, a moment earlier
    with pytest.raises(StepRefused) as lost:
        app.store.review_step(
            draft_id, "request_changes", before=before, after=after, revision=seen.revision, user="ayse"
        )

    assert lost.value.draft.status == "approved"
    assert app.store.get_draft(draft_id).status == "approved"
    with pytest.raises(PressdraftError) as told:
        app.for_user(ROLES["admin"]).review.request_changes(draft_id)
    assert message(told.value) == NOT_FROM["approved"]


def test_a_step_on_a_release_edited_since_it_was_read_is_refused(app: AppService):
    draft_id = release(app, "in_review")
    seen = app.store.get_draft(draft_id)
    app.for_user(WRITER).editor(draft_id).set("fields.theme.en", "Rooted past")  # in review: still editable
    before, after = STEPS["withdraw"]

    with pytest.raises(StepRefused) as lost:
        app.store.review_step(draft_id, "withdraw", before=before, after=after, revision=seen.revision, user="ayse")

    assert lost.value.draft.status == "in_review"
    review = app.for_user(ROLES["admin"]).review
    assert message(review._refusal("withdraw", lost.value.draft)) == CHANGED_MEANWHILE


# --- four eyes -------------------------------------------------------------------------------------


def test_nobody_approves_a_release_they_changed_since_its_last_approval(app: AppService):
    draft_id = release(app, "draft")
    emre = app.for_user(ROLES["editor"])
    emre.editor(draft_id).set("fields.theme.en", "Rooted past")
    bring_to(app, draft_id, "in_review")
    before = trail(app.store, draft_id)

    assert emre.review.editors(draft_id) == [WRITER.user, ROLES["editor"].user]
    assert emre.review.steps(draft_id)["approve"] == OWN_CHANGES
    with pytest.raises(PressdraftError) as refused:
        emre.review.approve(draft_id)
    assert message(refused.value) == OWN_CHANGES
    assert trail(app.store, draft_id) == before

    app.for_user(CHIEF).review.approve(draft_id)  # who did not change it may
    app.for_user(CHIEF).review.withdraw(draft_id)
    app.for_user(WRITER).review.submit(draft_id)
    assert emre.review.editors(draft_id) == [WRITER.user]  # a new round: since the last approval
    assert emre.review.approve(draft_id).status == "approved"


def test_who_submitted_a_release_does_not_approve_it(app: AppService):
    draft_id = release(app, "draft")
    chief = app.for_user(CHIEF).review
    chief.submit(draft_id)

    assert chief.steps(draft_id) == {"request_changes": None, "approve": OWN_CHANGES, "withdraw": None}
    with pytest.raises(PressdraftError):
        chief.approve(draft_id)


def test_an_admin_may_relax_four_eyes_and_the_approval_says_so_in_the_audit_log(app: AppService):
    draft_id = release(app, "draft")
    chief = app.for_user(CHIEF).review
    chief.submit(draft_id)
    with pytest.raises(NotAllowed):
        chief.set_four_eyes(False)

    app.for_user(ROLES["admin"]).review.set_four_eyes(False)

    assert chief.four_eyes() is False and chief.steps(draft_id)["approve"] is None
    chief.approve(draft_id)
    approval = next(
        e
        for e in app.store.audit_entries(None, object_type="draft", object_id=draft_id)
        if e.action == "review.approve"
    )
    assert approval.after["four_eyes_relaxed"] is True
    assert approval.after["edited_by"] == [CHIEF.user, WRITER.user]
    [setting] = app.store.audit_entries(None, object_type="setting", object_id="review.four_eyes")
    assert (setting.user, setting.after) == (ROLES["admin"].user, {"value": False})


def test_an_approval_by_someone_who_did_not_edit_says_nothing_of_four_eyes(app: AppService):
    draft_id = release(app, "approved")
    approval = next(
        e
        for e in app.store.audit_entries(None, object_type="draft", object_id=draft_id)
        if e.action == "review.approve"
    )
    assert "four_eyes_relaxed" not in approval.after


# --- the lock --------------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["approved", "published"])
def test_a_frozen_release_is_changed_by_nobody_until_it_is_withdrawn(app: AppService, state: str):
    draft_id = release(app, state)
    admin = app.for_user(ROLES["admin"])
    before = trail(app.store, draft_id)

    with pytest.raises(Locked):
        admin.editor(draft_id).set("fields.theme.en", "Changed")
    with pytest.raises(Locked):
        admin.assign_release_number(draft_id)
    assert trail(app.store, draft_id) == before

    admin.review.withdraw(draft_id)
    admin.editor(draft_id).set("fields.theme.en", "Changed")
    assert app.store.get_draft(draft_id).data["fields"]["theme"]["en"] == "Changed"


def test_a_page_opened_before_the_approval_cannot_save_over_it(app: AppService):
    draft_id = release(app, "in_review")
    page = app.for_user(WRITER).editor(draft_id)  # open before the approval

    app.for_user(CHIEF).review.approve(draft_id)

    with pytest.raises(Locked):
        page.set("fields.theme.en", "Changed")
    assert app.store.get_draft(draft_id).data["fields"]["theme"]["en"] == "Rooted Past, Strong Future"


# --- the number at approval --------------------------------------------------------------------------


def test_an_auto_number_is_given_at_approval_and_recorded(app: AppService):
    first, second = release(app, "in_review"), release(app, "in_review")
    typed = release(app, "in_review", number="TC-7")
    chief = app.for_user(CHIEF).review

    for draft_id in (second, first, typed):
        chief.approve(draft_id)

    numbers = {d: app.store.get_draft(d).data["release"]["number"] for d in (first, second, typed)}
    assert numbers == {second: "2021/1", first: "2021/2", typed: "TC-7"}
    register = app.store.release_number_register("tr-communications", 2021)
    assert [(a.number, a.draft_id, a.assigned_by) for a in register] == [
        (1, second, CHIEF.user),
        (2, first, CHIEF.user),
    ]
    approval = app.store.audit_entries(1, object_type="draft", object_id=first)[0]
    assert (approval.action, approval.after["number"]) == ("review.approve", "2021/2")


def test_an_invalid_release_is_not_approved_and_takes_no_number(app: AppService):
    draft_id = release(app, "draft")
    data = app.store.get_draft(draft_id).data
    del data["release"]["issuer"]
    app.store.save_draft(draft_id, data, expected_revision=app.store.get_draft(draft_id).revision)
    bring_to(app, draft_id, "in_review")
    before = trail(app.store, draft_id)

    with pytest.raises(PressdraftError):
        app.for_user(CHIEF).review.approve(draft_id)

    assert trail(app.store, draft_id) == before
    assert app.store.next_release_number("tr-communications", 2021) == 1


# --- what went out -----------------------------------------------------------------------------------


def test_publishing_keeps_the_word_files_as_the_downloads_make_them(app: AppService):
    draft_id = release(app, "published")
    made = {item.name: item.make() for item in app.edition_files(app.as_downloaded(draft_id))}
    review = app.for_user(ROLES["drafter"]).review  # anyone may read what went out

    [publication] = review.publications(draft_id)

    names = [f.name for f in publication.files]
    assert names == sorted(name for name in made if name.endswith(".docx")) and len(names) == 4
    for kept in publication.files:
        again = review.published_file(publication.id, kept.name)
        assert again.data == made[kept.name] == kept.data
        assert (again.sha256, again.size) == (hashlib.sha256(made[kept.name]).hexdigest(), len(made[kept.name]))
        assert again.media_type.startswith("application/vnd.openxmlformats")
    published = app.store.get_draft(draft_id)
    assert (publication.number, publication.published_by, publication.channel) == ("2021/1", CHIEF.user, "files")
    assert (publication.template_id, publication.template_version, publication.directory_version) == (
        "joint-meeting",
        None,
        None,
    )
    assert publication.version == app.store.draft_history(draft_id)[0].number
    assert app.store.draft_history(draft_id)[0].revision == published.revision


def test_what_went_out_stays_on_record_after_withdrawing_and_purging(app: AppService):
    draft_id = release(app, "published")
    [kept] = app.store.draft_publications(draft_id)
    admin = app.for_user(ROLES["admin"])

    admin.review.withdraw(draft_id)
    admin.editor(draft_id).set("fields.theme.en", "Changed")
    admin.trash_draft(draft_id)
    admin.purge_draft(draft_id)

    assert app.store.draft_publications(draft_id) == [kept]
    with pytest.raises(PressdraftError):
        admin.review.published_file(kept.id, "nothing.docx")


def test_no_store_function_changes_or_deletes_a_publication():
    store_code = Path(__file__).resolve().parents[2] / "src" / "pressdraft" / "store"
    for module in store_code.glob("*.py"):
        text = module.read_text("utf-8")
        for table in ("publications", "publication_files"):
            assert f"update({table}" not in text and f"delete({table}" not in text, module.name


def test_two_processes_approving_releases_of_one_issuer_give_unique_consecutive_numbers(app: AppService, url: str):
    releases = [release(app, "in_review") for _ in range(16)]
    start, results = SPAWN.Barrier(2), SPAWN.Queue()

    approved = run_processes(
        [
            (store_workers.approve_releases, (url, releases[0::2], "emre@example.org", start, results)),
            (store_workers.approve_releases, (url, releases[1::2], "ayse@example.org", start, results)),
        ],
        results,
    )

    assert all(isinstance(item, tuple) for items in approved for item in items), approved
    given = dict(item for items in approved for item in items)
    assert sorted(given) == sorted(releases)
    assert sorted(given.values(), key=lambda n: int(n.split("/")[1])) == [f"2021/{n}" for n in range(1, 17)]
    register = app.store.release_number_register("tr-communications", 2021)
    assert {a.draft_id: a.printed for a in register} == given
    assert all(app.store.get_draft(d).status == "approved" for d in releases)

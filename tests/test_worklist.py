"""The drafts page's worklist in the app layer: filters by state and owner, "waiting for my review"
for every role, the order, each row's state and missing translations, and the link that carries it."""

from __future__ import annotations

import datetime as dt

import pytest
from draft_states import set_state

from pressdraft.app.auth import LOCAL_ACCOUNT, Account
from pressdraft.app.worklist import ME, Filters, waiting_for_review

DRAFTER = Account("deniz@example.org", "drafter")
EDITOR = Account("emre@example.org", "editor")
ADMIN = Account("ayse@example.org", "admin")
DAY = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def office(service) -> dict[str, str]:
    """The sample release (the local user's draft) and, newer each: the drafter's draft in review, the
    editor's own in review, a draft of the drafter's that the editor submitted, one approved."""
    sample = service.draft_summaries()[0].id
    set_state(service.store, sample, "draft", by=None, changed=DAY)
    made = {"sample": sample}
    for hours, (name, owner, status, by) in enumerate(
        [
            ("deniz-review", DRAFTER, "in_review", DRAFTER),
            ("emre-review", EDITOR, "in_review", EDITOR),
            ("submitted-by-emre", DRAFTER, "in_review", EDITOR),
            ("approved", DRAFTER, "approved", ADMIN),
        ],
        start=1,
    ):
        made[name] = service.for_user(owner).import_draft(service.draft_export(sample, "yaml")[1](), f"{name}.yaml")
        set_state(service.store, made[name], status, by=by.user, changed=DAY + dt.timedelta(hours=hours))
    return made


def names(office: dict[str, str], rows) -> list[str]:
    by_id = {draft_id: name for name, draft_id in office.items()}
    return [by_id[row.id] for row in rows]


@pytest.mark.parametrize(
    ("account", "waiting"),
    [
        (DRAFTER, []),  # a drafter approves nothing: nothing waits for them
        (EDITOR, ["deniz-review"]),  # not their own draft, not one they submitted
        (ADMIN, ["submitted-by-emre", "emre-review", "deniz-review"]),
        (LOCAL_ACCOUNT, ["submitted-by-emre", "emre-review", "deniz-review"]),  # owns only the sample
    ],
    ids=["drafter", "editor", "admin", "local"],
)
def test_waiting_for_my_review_for_every_role(service, office, account, waiting):
    rows = service.for_user(account).worklist.rows(Filters(waiting=True))
    assert names(office, rows) == waiting
    assert (waiting_for_review(account) is None) == (account is DRAFTER)


def test_the_whole_list_is_everyones_the_latest_change_first_or_the_oldest(service, office):
    for account in (DRAFTER, EDITOR, ADMIN):
        worklist = service.for_user(account).worklist
        assert names(office, worklist.rows()) == [
            "approved",
            "submitted-by-emre",
            "emre-review",
            "deniz-review",
            "sample",
        ]
        assert names(office, worklist.rows(Filters(oldest_first=True)))[0] == "sample"


def test_my_drafts_are_the_viewers_own_and_a_person_can_be_chosen(service, office):
    mine = Filters(owner=ME)
    assert names(office, service.for_user(DRAFTER).worklist.rows(mine)) == [
        "approved",
        "submitted-by-emre",
        "deniz-review",
    ]
    assert names(office, service.for_user(EDITOR).worklist.rows(mine)) == ["emre-review"]
    chosen = Filters(owner=EDITOR.user, status="in_review")
    assert names(office, service.for_user(DRAFTER).worklist.rows(chosen)) == ["emre-review"]
    assert service.worklist.owners() == sorted(["local", DRAFTER.user, EDITOR.user])


def test_a_state_filter_and_each_rows_state_and_missing_translations(service, office):
    rows = service.for_user(EDITOR).worklist.rows(Filters(status="in_review"))
    assert names(office, rows) == ["submitted-by-emre", "emre-review", "deniz-review"]
    assert {row.status for row in rows} == {"in_review"}
    assert rows[0].missing == {"tr": 0, "az": 0, "en": 0}
    assert rows[0].owner == DRAFTER.user


def test_a_missing_translation_is_counted_in_the_row_of_its_language(service):
    sample = service.draft_summaries()[0].id
    data = service.store.get_draft(sample).data
    data["fields"]["theme"].pop("en")
    draft_id = service.import_draft(service.engine.dump_draft(service.engine.draft_from_data(data)).encode(), "x.yaml")
    (row,) = [row for row in service.worklist.rows() if row.id == draft_id]
    assert row.missing == {"tr": 0, "az": 0, "en": 1}


def test_the_filters_go_into_a_link_and_come_back_the_same():
    for filters in (
        Filters(),
        Filters(status="approved"),
        Filters(owner=ME, waiting=True, oldest_first=True),
        Filters(owner="elvin@example.org", status="in_review"),
    ):
        assert Filters.from_params(filters.params()) == filters
    assert Filters().params() == {}
    assert Filters(owner=ME, oldest_first=True).params() == {"owner": "me", "sort": "oldest"}


def test_a_link_with_values_it_cannot_mean_shows_everything_they_would_have_narrowed():
    odd = Filters.from_params({"status": "lost", "waiting": "yes", "sort": "sideways", "owner": ""})
    assert odd == Filters()

"""Release numbers: each issuer's yearly series is unique and without gaps, on SQLite and PostgreSQL,
whoever asks at once; a draft gets its number once; the number prints in its issuer's format."""

from __future__ import annotations

import pytest
import store_workers
from test_store_concurrency import SPAWN, run_processes

from pressdraft.store import Store, StoreUnavailable, numbers
from pressdraft.store.database import Database
from pressdraft.store.numbers import DEFAULT_FORMAT, FormatError, NotAutomatic, next_number, printed

PER_PROCESS = 50


def auto_draft(store: Store, issuer: str = "mfa", date: str = "2026-12-09", number: str = "auto") -> str:
    data = {"format": 2, "release": {"issuer": issuer, "date": date, "city": "baku", "number": number}}
    return store.create_draft(data, owner="ayse").id


def test_a_series_starts_at_one_counts_on_per_issuer_and_restarts_each_year(store: Store):
    assert [store.next_release_number("mfa", 2026) for _ in range(3)] == [1, 2, 3]
    assert store.next_release_number("presidency", 2026) == 1
    assert store.next_release_number("mfa", 2027) == 1
    assert store.next_release_number("mfa", 2026) == 4


def test_a_transaction_that_fails_gives_its_number_back(store: Store, url: str):
    store.next_release_number("mfa", 2026)

    def take_then_fail(connection):
        assert next_number(connection, "mfa", 2026) == 2
        raise RuntimeError("the approval failed after taking a number")

    database = Database(url)
    try:
        with pytest.raises(RuntimeError):
            database.run_write(take_then_fail)
    finally:
        database.dispose()

    assert store.next_release_number("mfa", 2026) == 2  # no gap


def test_two_processes_taking_numbers_at_once_get_each_number_once_without_gaps(store: Store, url: str):
    start, results = SPAWN.Barrier(2), SPAWN.Queue()

    taken = run_processes(
        [(store_workers.take_numbers, (url, "mfa", 2026, PER_PROCESS, start, results)) for _ in range(2)], results
    )

    assert all(all(isinstance(n, int) for n in numbers) for numbers in taken), taken
    assert all(numbers == sorted(numbers) for numbers in taken)  # each process sees its numbers rise
    assert sorted(taken[0] + taken[1]) == list(range(1, 2 * PER_PROCESS + 1))
    assert store.next_release_number("mfa", 2026) == 2 * PER_PROCESS + 1


def test_two_processes_asking_for_the_same_drafts_numbers_give_each_draft_one(store: Store, url: str):
    drafts = [auto_draft(store) for _ in range(12)]
    start, results = SPAWN.Barrier(2), SPAWN.Queue()

    given = run_processes(
        [(store_workers.assign_numbers, (url, drafts, name, start, results)) for name in ("ayse", "elvin")], results
    )

    assert given[0] == given[1], given  # both were told the same number for each draft
    register = store.release_number_register("mfa", 2026)
    assert [(a.number, a.draft_id) for a in register] == sorted((n, d) for d, n in given[0])
    assert [a.number for a in register] == list(range(1, len(drafts) + 1))
    for entry in register:
        assert store.get_draft(entry.draft_id).data["release"]["number"] == f"2026/{entry.number}"
    assert len(store.audit_entries(None, object_type="draft")) == len(drafts)


def test_a_draft_gets_its_number_once_recorded_in_the_draft_and_the_audit_log(store: Store):
    draft_id = auto_draft(store)

    first = store.assign_release_number(draft_id, user="ayse")
    again = store.assign_release_number(draft_id, user="elvin")

    assert (first.issuer, first.year, first.number, first.printed) == ("mfa", 2026, 1, "2026/1")
    assert again == first
    stored = store.get_draft(draft_id)
    assert stored.data["release"]["number"] == "2026/1" and stored.revision == 2
    [entry] = store.audit_entries(None, object_type="draft", object_id=draft_id)
    assert (entry.user, entry.action) == ("ayse", "release.number")
    assert entry.before == {"number": "auto", "revision": 1}
    assert entry.after == {"issuer": "mfa", "year": 2026, "number": 1, "printed": "2026/1"}
    assert store.assigned_release_number(draft_id) == first


def test_the_series_is_the_year_of_the_release_date(store: Store):
    december, january = auto_draft(store, date="2026-12-31"), auto_draft(store, date="2027-01-02")
    assert store.assign_release_number(december, user="ayse").printed == "2026/1"
    assert store.assign_release_number(january, user="ayse").printed == "2027/1"


def test_a_draft_set_back_to_auto_gets_its_own_number_again_not_a_new_one(store: Store):
    draft_id = auto_draft(store)
    store.assign_release_number(draft_id, user="ayse")
    stored = store.get_draft(draft_id)
    data = {**stored.data, "release": {**stored.data["release"], "number": "auto"}}
    store.save_draft(draft_id, data, expected_revision=stored.revision)

    assert store.assign_release_number(draft_id, user="ayse").number == 1
    assert store.get_draft(draft_id).data["release"]["number"] == "2026/1"
    assert store.next_release_number("mfa", 2026) == 2


def test_a_draft_that_does_not_ask_for_a_number_is_refused_and_nothing_is_taken(store: Store):
    typed = auto_draft(store, number="241")
    with pytest.raises(NotAutomatic, match="not auto"):
        store.assign_release_number(typed, user="ayse")
    assert store.get_draft(typed).revision == 1
    assert store.next_release_number("mfa", 2026) == 1


def test_a_typed_number_after_assignment_is_left_as_typed(store: Store):
    draft_id = auto_draft(store)
    store.assign_release_number(draft_id, user="ayse")
    stored = store.get_draft(draft_id)
    data = {**stored.data, "release": {**stored.data["release"], "number": "SC-7"}}
    store.save_draft(draft_id, data, expected_revision=stored.revision)

    assert store.assign_release_number(draft_id, user="ayse").printed == "2026/1"
    assert store.get_draft(draft_id).data["release"]["number"] == "SC-7"


def test_each_issuer_prints_its_numbers_in_its_own_format_audited_as_a_setting(store: Store):
    assert store.release_number_format("mfa") == DEFAULT_FORMAT == "{year}/{number}"
    store.set_release_number_format("mfa", "{number:3}", user="admin")
    store.set_release_number_format("presidency", "P-{year}-{number}", user="admin")

    assert store.assign_release_number(auto_draft(store), user="ayse").printed == "001"
    assert store.assign_release_number(auto_draft(store, issuer="presidency"), user="ayse").printed == "P-2026-1"
    [entry] = store.audit_entries(1, object_type="setting", object_id="release_number_format:mfa")
    assert (entry.user, entry.after) == ("admin", {"value": "{number:3}"})

    store.set_release_number_format("mfa", None, user="admin")
    assert store.release_number_format("mfa") == DEFAULT_FORMAT


@pytest.mark.parametrize(
    ("number_format", "reason"),
    [
        ("{year}", "no_number"),
        ("No {number}", "characters"),
        ("{number}{name}", "characters"),
        ("{number:0}", "no_number"),
        ("{number}/", "result"),
        ("{number}-{number}-{number}-{number}-{number}-{number}-{number}", "result"),
    ],
)
def test_a_format_that_cannot_print_a_release_number_is_refused(store: Store, number_format: str, reason: str):
    with pytest.raises(FormatError) as refused:
        store.set_release_number_format("mfa", number_format, user="admin")
    assert refused.value.reason == reason
    assert store.release_number_format("mfa") == DEFAULT_FORMAT


@pytest.mark.parametrize(
    ("number_format", "year", "number", "text"),
    [
        ("{year}/{number}", 2026, 17, "2026/17"),
        ("{number}", 2026, 241, "241"),
        ("{number:3}", 2026, 7, "007"),
        ("{number:3}", 2026, 1234, "1234"),
        ("SC-{number}", 2026, 20, "SC-20"),
        ("{year}.{number:2}", 2027, 3, "2027.03"),
    ],
)
def test_printed_numbers(number_format: str, year: int, number: int, text: str):
    assert printed(number_format, year, number) == text


def test_an_sqlite_too_old_for_the_upsert_is_refused_saying_so(store: Store, url: str, monkeypatch):
    if not url.startswith("sqlite"):
        pytest.skip("about SQLite")
    monkeypatch.setattr(numbers, "_SQLITE_UPSERT", (99, 0, 0))
    with pytest.raises(StoreUnavailable, match="SQLite 3.35 or newer"):
        store.next_release_number("mfa", 2026)

"""Several processes writing one store at once: no lock error reaches anyone, no update is lost."""

from __future__ import annotations

import multiprocessing
from typing import Any

import store_workers

from pressdraft.store import Store, open_store

SPAWN = multiprocessing.get_context("spawn")
WORKERS = 4
ROUNDS = 15
TIMEOUT = 60


def run_processes(targets: list[tuple[Any, tuple]], results: Any) -> list[Any]:
    """Start every process, collect one result from each, and wait for them all to end."""
    processes = [SPAWN.Process(target=target, args=args) for target, args in targets]
    for process in processes:
        process.start()
    try:
        return [results.get(timeout=TIMEOUT) for _ in processes]
    finally:
        for process in processes:
            process.join(timeout=TIMEOUT)
            if process.is_alive():
                process.kill()
                process.join()
            process.close()
        results.close()
        results.join_thread()


def test_concurrent_processes_lose_no_acknowledged_save(store: Store, url: str):
    own = [store.create_draft({}, owner=f"w{i}").id for i in range(WORKERS)]
    shared = store.create_draft({"items": []}, owner="team").id
    start, results = SPAWN.Barrier(WORKERS), SPAWN.Queue()

    reports = run_processes(
        [
            (
                store_workers.concurrent_writer,
                (url, f"w{i}", own[i], shared, ROUNDS, start, results),
            )
            for i in range(WORKERS)
        ],
        results,
    )

    assert [r["errors"] for r in reports] == [[]] * WORKERS
    for report in reports:
        mine = store.get_draft(own[int(report["name"][1:])])
        assert report["own"] == list(range(2, ROUNDS + 2))
        assert (mine.revision, mine.data) == (ROUNDS + 1, {"worker": report["name"], "n": ROUNDS})

    shared_items = store.get_draft(shared).data["items"]
    acknowledged = [token for r in reports for token in r["shared"]]
    assert sorted(shared_items) == sorted(acknowledged)
    assert store.get_draft(shared).revision == 1 + len(acknowledged)

    history = store.template_history(store_workers.SHARED_TEMPLATE)
    saved = sorted((number, token) for r in reports for token, number in r["templates"])
    assert [(v.number, v.files["tr.md.j2"]) for v in reversed(history)] == saved
    assert [v.number for v in reversed(history)] == list(range(1, len(saved) + 1))


def test_of_two_racing_template_saves_from_one_base_exactly_one_wins(store: Store, url: str):
    rounds = 6
    barrier, results = SPAWN.Barrier(2), SPAWN.Queue()

    reports = dict(
        run_processes(
            [(store_workers.racer, (url, name, rounds, barrier, results)) for name in ("a", "b")],
            results,
        )
    )

    for k in range(rounds):
        assert sorted([reports["a"][k], reports["b"][k]]) == ["refused", "won"], reports
    history = store.template_history("race")
    assert [v.number for v in history] == list(range(rounds, 0, -1))
    winners = ["a" if reports["a"][k] == "won" else "b" for k in range(rounds)]
    assert [v.author for v in reversed(history)] == winners


def test_processes_opening_a_new_sqlite_store_at_once_migrate_it_exactly_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'data' / 'pressdraft.db'}"
    start, results = SPAWN.Barrier(3), SPAWN.Queue()

    reports = run_processes([(store_workers.first_use, (url, f"p{i}", start, results)) for i in range(3)], results)

    assert sorted(reports) == [("p0", "ok"), ("p1", "ok"), ("p2", "ok")]
    with open_store(url) as store:
        assert len(store.list_drafts()) == 3

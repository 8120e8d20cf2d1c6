"""Crash safety: a process killed (SIGKILL) in the middle of autosaves, again and again, loses nothing
it acknowledged, and the SQLite file stays intact."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time
from typing import Any

import store_workers
from sqlalchemy import make_url

from pressdraft.store import Store

SPAWN = multiprocessing.get_context("spawn")


def kill_while_saving(url: str, draft_id: str, rng: random.Random) -> dict[str, int]:
    """One round: start the autosaver, let it write for a moment, SIGKILL it; return its acks."""
    receiving, sending = SPAWN.Pipe(duplex=False)
    child = SPAWN.Process(target=store_workers.autosave_until_killed, args=(url, draft_id, sending))
    child.start()
    sending.close()
    acked: dict[str, int] = {"draft": 0, "template": 0}
    try:
        assert receiving.poll(30), "the autosaver did not start"
        kind, revision = receiving.recv()
        assert kind == "ready"
        acked["draft"] = revision
        time.sleep(rng.uniform(0.05, 0.25))  # let it write a while, then kill it mid-save
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL, "the autosaver ended before it was killed"
        _drain(receiving, acked)
    finally:
        receiving.close()
        child.close()
    return acked


def _drain(receiving: Any, acked: dict[str, int]) -> None:
    while True:
        try:
            kind, number = receiving.recv()
        except (EOFError, OSError):
            return
        acked[kind] = max(acked[kind], number)


def test_acknowledged_autosaves_survive_sigkill_and_the_database_stays_intact(store: Store, url: str):
    sqlite = make_url(url).get_backend_name() == "sqlite"
    rounds = 20 if sqlite else 6
    rng = random.Random(7)
    draft = store.create_draft({"n": 1}, owner="ayse")
    templates_acked = 0

    for _ in range(rounds):
        acked = kill_while_saving(url, draft.id, rng)
        stored = store.get_draft(draft.id)
        assert stored.revision >= acked["draft"], "an acknowledged autosave was lost"
        assert stored.data["n"] == stored.revision, "data and revision disagree"
        templates_acked = max(templates_acked, acked["template"])
        history = {v.number: v for v in store.template_history("crash")}
        assert set(range(1, templates_acked + 1)) <= set(history)

    assert store.get_draft(draft.id).revision > 5 * rounds, "the child hardly saved at all"
    if sqlite:
        with sqlite3.connect(make_url(url).database) as check:
            assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        check.close()

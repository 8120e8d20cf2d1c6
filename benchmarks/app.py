"""Server-side time of the compose page with the example draft (AppTest): a rerun without a change,
and a rerun after one edit of a text field (the save and the run that shows it).

The two are measured interleaved, round after round after a warm-up, so that a busy machine
slows both alike; the edit alternates between two values, so every edit changes the saved state.
An edit should cost little more than a rerun: the saved state is analysed once (preview, check
panel, title) and no download is made until it is clicked. A trivial Streamlit page, timed in
the same run, reads the figures against what Streamlit itself costs here. Target:
``edit_rerun_ratio`` ≤ 1.2. Prints medians and, as the last line, ``edit_rerun_ratio=<edit/no-change>
edit_ms=<x> rerun_ms=<y> edit_rerun_cpu_ratio=<the same in CPU time> trivial_rerun_ms=<z>`` (the CPU
time, this process's, moves less than the wall-clock when other work shares the machine).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 30
WARMUP = 3
FIELD = "w-fields-theme-en"  # a text field of the example draft, in a language it is not written in first
VALUES = ("Rooted Past, Strong Future", "Rooted Past, Stronger Future")


def timed_ms(step: Callable[[], AppTest]) -> tuple[float, float]:
    """The wall-clock and the CPU time (this process's, every thread's) one step takes, in ms."""
    start, cpu = time.perf_counter(), time.process_time()
    at = step()
    elapsed = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
    assert not at.exception, at.exception
    return elapsed


def compose_rounds(rounds: int, warmup: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Per round, one rerun without a change and one rerun after an edit of ``FIELD``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()  # the first run opens the store and warms every cache, as a live server has
    reruns, edits = [], []
    for index in range(warmup + rounds):
        rerun = timed_ms(at.run)
        edit = timed_ms(lambda index=index: at.text_input(key=FIELD).input(VALUES[index % 2]).run())
        if index >= warmup:
            reruns.append(rerun)
            edits.append(edit)
    return reruns, edits


def trivial_rerun_ms(folder: Path, rounds: int) -> float:
    script = folder / "trivial.py"
    script.write_text("import streamlit as st\nst.title('Hello')\nst.text_input('Name')\n", "utf-8")
    at = AppTest.from_file(str(script), default_timeout=60)
    at.run()
    return statistics.median(timed_ms(at.run)[0] for _ in range(rounds))


def main(rounds: int = ROUNDS, warmup: int = WARMUP) -> None:
    from pressdraft.ui import state

    # AppTest has no browser and so no request headers; local mode serves only this machine's.
    state.connection = lambda: ([("Host", "localhost:8501"), ("Origin", "http://localhost:8501")], None)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["PRESSDRAFT_DATA_DIR"] = str(Path(folder) / "data")
        os.environ.setdefault("PRESSDRAFT_UI_LANGUAGE", "en")
        reruns, edits = compose_rounds(rounds, warmup)
        trivial = trivial_rerun_ms(Path(folder), rounds)
    rerun, edit = (statistics.median(t[0] for t in times) for times in (reruns, edits))
    rerun_cpu, edit_cpu = (statistics.median(t[1] for t in times) for times in (reruns, edits))
    print(f"compose page with the example draft, {rounds} interleaved rounds after {warmup} of warm-up (medians):")
    print(f"  a rerun without a change: {rerun:.1f} ms ({rerun_cpu:.1f} ms CPU)")
    print(f"  a rerun after one edit of a text field: {edit:.1f} ms ({edit_cpu:.1f} ms CPU)")
    print(f"a trivial Streamlit page, one rerun: median {trivial:.1f} ms")
    print(
        f"edit_rerun_ratio={edit / rerun:.2f} edit_ms={edit:.1f} rerun_ms={rerun:.1f}"
        f" edit_rerun_cpu_ratio={edit_cpu / rerun_cpu:.2f} trivial_rerun_ms={trivial:.1f}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS)

"""Server-side time of one rerun of the compose page with the example draft (AppTest).

Beside it, in the same run, a trivial Streamlit page, so the figure reads against what
Streamlit itself costs here. Target: the compose page under 100 ms median. Prints medians
and, as the last line, ``compose_rerun_ms=<x> trivial_rerun_ms=<y>``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 30


def median_rerun_ms(at: AppTest, repeat: int) -> float:
    at.run()  # the first run opens the store and warms every cache, as a live server has
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return statistics.median(times)


def main(repeat: int = REPEAT) -> None:
    from pressdraft.ui import state

    # AppTest has no browser and so no request headers; local mode serves only this machine's.
    state.connection = lambda: ([("Host", "localhost:8501"), ("Origin", "http://localhost:8501")], None)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["PRESSDRAFT_DATA_DIR"] = str(Path(folder) / "data")
        os.environ.setdefault("PRESSDRAFT_UI_LANGUAGE", "en")
        trivial_script = Path(folder) / "trivial.py"
        trivial_script.write_text("import streamlit as st\nst.title('Hello')\nst.text_input('Name')\n", "utf-8")
        compose = median_rerun_ms(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60), repeat)
        trivial = median_rerun_ms(AppTest.from_file(str(trivial_script), default_timeout=60), repeat)
    print(f"compose page with the example draft, one rerun: median {compose:.1f} ms (target < 100 ms)")
    print(f"a trivial Streamlit page, one rerun: median {trivial:.1f} ms")
    print(f"compose_rerun_ms={compose:.1f} trivial_rerun_ms={trivial:.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else REPEAT)

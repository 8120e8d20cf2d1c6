"""How long the example release takes to become three DOCX files.

Prints medians in milliseconds: in-process (the engine and the DOCX writer reused, as the
app uses them) and from the command line (a new process each time, start-up included).
Run it with ``make bench``; tests never assert times.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pressdraft.engine import Engine
from pressdraft.export import Edition

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "joint-media-platform.yaml"


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    engine = Engine.default()
    draft = engine.load_draft(EXAMPLE)

    def in_process() -> list[bytes]:
        edition = Edition(engine.render(draft))
        return [edition.docx(lang) for lang in draft.languages]

    in_process()  # warm the caches the app keeps warm
    inproc = median_ms(in_process, 30)
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "pressdraft.cli", "render", str(EXAMPLE), "-o", out]
        cli = median_ms(lambda: subprocess.run(command, check=True, capture_output=True), 5)
    print(f"three DOCX in-process: median {inproc:.1f} ms")
    print(f"three DOCX from the command line: median {cli:.1f} ms")
    print(f"in_process_ms={inproc:.1f} cli_ms={cli:.1f}")


if __name__ == "__main__":
    main()

"""The search benchmark must not rot: it runs once on a few releases and prints its figures last."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "search.py"


def test_the_search_benchmark_agrees_with_the_like_scan_and_prints_its_ratio_last(capsys):
    spec = importlib.util.spec_from_file_location("pressdraft_benchmark_search", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)

    module.main(count=120, repeats=1)  # exits when the search and the LIKE scan disagree

    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].startswith("120 releases stored and indexed in ")
    assert re.fullmatch(r"median_ms=\d+\.\d\d like_median_ms=\d+\.\d\d ratio_vs_like=\d+\.\d\d", out[-1])

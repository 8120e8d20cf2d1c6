"""The compose page's benchmark must not rot: it runs, one round, and prints its ratio last."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "app.py"


def test_the_app_benchmark_runs_and_prints_the_edit_rerun_ratio_last(data_dir, capsys):
    spec = importlib.util.spec_from_file_location("pressdraft_benchmark_app", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(rounds=1, warmup=0)
    last = capsys.readouterr().out.strip().splitlines()[-1]
    figures = r"edit_ms=[\d.]+ rerun_ms=[\d.]+ edit_rerun_cpu_ratio=\d+\.\d\d trivial_rerun_ms=[\d.]+"
    assert re.fullmatch(rf"edit_rerun_ratio=\d+\.\d\d {figures}", last)

"""The benchmark must not rot: each of its parts runs once, fast, and its documents are sound."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from pathlib import Path

import docx
import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def bench():
    pytest.importorskip("docxtpl")
    spec = importlib.util.spec_from_file_location("pressdraft_benchmark_render", BENCHMARKS / "render.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def setup(bench, tmp_path_factory):
    return bench.prepare(tmp_path_factory.mktemp("docxtpl"))  # also checks docxtpl's bodies equal ours


def headline(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return next(p.text for p in document.paragraphs if p.style.name == "Headline")


def test_every_contender_makes_three_documents_that_open(bench, setup):
    languages = list(setup.draft.languages)
    made = {
        name: factory(setup)()
        for name, factory in (
            ("ours", bench.ours),
            ("ours_writing", bench.ours_writing),
            ("docxtpl", bench.docxtpl),
            ("floor", bench.floor),
        )
    }
    for documents in made.values():
        assert len(documents) == len(languages)
        for data in documents:
            docx.Document(io.BytesIO(data))
    for lang, ours, theirs, floor in zip(languages, made["ours"], made["docxtpl"], made["floor"], strict=True):
        assert headline(ours), lang
        assert headline(theirs) == headline(ours), lang
        assert headline(floor) == headline(ours), lang


def test_side_by_side_and_memory_run(bench, setup):
    medians = bench.side_by_side({"ours": bench.ours(setup), "floor": bench.floor(setup)}, repeat=1, warmup=0)
    assert set(medians) == {"ours", "floor"} and all(m > 0 for m in medians.values())
    memory = bench.memory_growth(setup, renders=2, mark=1)
    assert isinstance(memory["blocks"], int)


def test_main_prints_the_ratios_last(bench, capsys):
    bench.main(repeat=1, renders=2, mark=1, cli_repeat=1)
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(r"ratio_vs_docxtpl=\d+\.\d\d ratio_vs_floor=\d+\.\d\d ratio_vs_pandoc=(\d+\.\d\d|n/a)", last)

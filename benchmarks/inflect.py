"""Benchmark: inflecting 1,000 varied names in every case, in Turkish and Azerbaijani.

Each repeat clears the analysis cache first, so the rule engine itself is timed (a real
release repeats names and is faster). One "name" is one name in all six cases in both
languages (12 calls). Prints the median over the repeats and, last,
``inflect_ms_per_1000=<x>``. Run: ``.venv/bin/python benchmarks/inflect.py``.
"""

from __future__ import annotations

import random
import statistics
import time

from pressdraft.language import CASES, Name, inflect
from pressdraft.language.suffixes import analyse

REPEATS = 15
COUNT = 1000

TR_WORDS = [
    "İstanbul", "Ankara", "Bakü", "Paris", "Kars", "Irak", "Sinop", "Ahmet", "Hacıyev", "Altun",
    "Hankendi", "Hocalı", "Şuşa", "Karabağ", "Bağdat", "Washington", "Bordeaux", "Türkiye",
    "Iğdır", "Kuşadası", "Gaziantep", "Kerkük", "Tbilisi", "Erdoğan", "Shakespeare",
]  # fmt: skip
AZ_WORDS = [
    "Bakı", "İstanbul", "Türkiyə", "Xankəndi", "Paris", "Sumqayıt", "Daşkənd", "Bağdad", "İraq",
    "Şuşa", "Qubadlı", "Altun", "Hacıyev", "Əliyev", "Gəncə", "Naxçıvan", "Şəki", "Lerik",
]  # fmt: skip
HEADS = {"tr": ["Birliği", "Sarayı", "Ofisi", "Meydanı", "Köprüsü"],
         "az": ["Respublikası", "İdarəsi", "Nazirliyi", "Platforması"]}  # fmt: skip
LETTERS = {"tr": "ABCÇDEFGHIİJKLMNOÖPRSŞTUÜVYZ", "az": "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"}


def names(lang: str, rng: random.Random) -> list[str | Name]:
    """COUNT varied names: words, multi-word possessives, abbreviations, numbers, dates."""
    words = TR_WORDS if lang == "tr" else AZ_WORDS
    out: list[str | Name] = []
    for i in range(COUNT):
        kind = i % 6
        if kind == 0:
            out.append(f"{rng.choice(words)} {rng.choice(words)}{i}")
        elif kind == 1:
            out.append(f"{rng.choice(words)} {rng.choice(HEADS[lang])}")
        elif kind == 2:
            out.append("".join(rng.choice(LETTERS[lang]) for _ in range(rng.randint(2, 5))))
        elif kind == 3:
            out.append(str(rng.randint(0, 10 ** rng.randint(1, 9))))
        elif kind == 4:
            month = "Ekim" if lang == "tr" else "oktyabr"
            out.append(f"{rng.randint(1, 31)} {month} {rng.randint(1900, 2100)}")
        else:
            word = rng.choice(words)
            out.append(Name(word + "x" * (i % 3), institution=bool(i % 2)))
    return out


def run_once(batches: dict[str, list[str | Name]]) -> float:
    analyse.cache_clear()
    start = time.perf_counter()
    for lang, batch in batches.items():
        for name in batch:
            for case in CASES:
                inflect(name, case, lang)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    rng = random.Random(2021)
    batches = {lang: names(lang, rng) for lang in ("tr", "az")}
    run_once(batches)  # warm-up: imports, lexicon loading
    timings = [run_once(batches) for _ in range(REPEATS)]
    median = statistics.median(timings)
    calls = COUNT * len(CASES) * len(batches)
    print(f"{COUNT} names x {len(CASES)} cases x tr+az = {calls} calls, {REPEATS} repeats")
    print(f"median {median:.1f} ms, min {min(timings):.1f} ms, max {max(timings):.1f} ms")
    print(f"per call {median / calls * 1000:.1f} µs (cold analysis cache)")
    print(f"inflect_ms_per_1000={median:.1f}")


if __name__ == "__main__":
    main()

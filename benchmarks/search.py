"""Benchmark: the archive's search over 10,000 generated releases in a SQLite store.

Releases mix Turkish, Azerbaijani and English words and names written with and without their
letters ("Hacıyev", "Haciyev"); the queries are typed as people type them. Each query runs
through ``Store.search_drafts`` (FTS5, the first 50 results) and, for comparison, as a plain
``LIKE`` scan of the same folded words with the same prefix rule, filters and order; both must
find the same drafts. Prints the median per query of each and, last,
``median_ms=<x> like_median_ms=<y> ratio_vs_like=<y/x>``.
Run: ``.venv/bin/python benchmarks/search.py``.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from pressdraft.language.folding import words
from pressdraft.store import drafts, open_store, upgrade

COUNT = 10_000
REPEATS = 5
LIMIT = 50

NAMES = ["Hacıyev", "Haciyev", "Əliyev", "Aliyev", "Yıldız", "Yildiz", "Güler", "Şahin", "Çelik", "Məmmədov",
         "Mammadov", "Öztürk", "Smith", "Johnson", "Quliyeva", "Kılıç", "Ivanov", "Hüseynov"]  # fmt: skip
PLACES = ["İstanbul", "Istanbul", "Bakı", "Bakü", "Baku", "Şuşa", "Gəncə", "Ankara", "Iğdır", "Naxçıvan",
          "Kars", "London", "Şəki", "Sumqayıt", "İzmir"]  # fmt: skip
WORDS = ["anlaşma", "imzalandı", "görüşme", "işbirliği", "enerji", "ticaret", "eğitim", "sağlık", "saziş",
         "imzalanıb", "görüş", "əməkdaşlıq", "ticarət", "təhsil", "səhiyyə", "agreement", "signed",
         "meeting", "cooperation", "energy", "trade", "education", "health", "bakanlık", "nazirlik",
         "ministry", "festival", "konferans", "konfrans", "conference", "heyət", "heyet", "delegation"]  # fmt: skip
ISSUERS = ["tr-communications", "az-mfa", "tr-mfa", "az-presidency"]
QUERIES = ["hacıyev", "haciyev", "HACIYEV", "istanbul", "İstanbul", "bakı", "baki", "aliyev enerji",
           "əməkdaşlıq", "emekdaslik", "görüşme", "gorus", "şuşa festival", "agreement signed", "yildiz",
           "mammadov ticaret", "conference london", "igdir", "seki", "delegation"]  # fmt: skip


def sentence(rng: random.Random) -> str:
    picked = rng.sample(WORDS, 6) + [f"{rng.choice(NAMES)}'in", rng.choice(PLACES) + "da"]
    rng.shuffle(picked)
    return " ".join(picked).capitalize() + "."


def release(rng: random.Random, i: int) -> dict:
    return {
        "format": 2,
        "template": rng.choice(["statement", "joint-meeting", "agreement-signing"]),
        "languages": ["tr", "az", "en"],
        "source_language": "tr",
        "release": {
            "date": f"20{rng.randint(18, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "city": rng.choice(["baku", "ankara", "istanbul"]),
            "issuer": rng.choice(ISSUERS),
            "number": f"2025/{i}",
        },
        "fields": {
            "headline": {lang: sentence(rng) for lang in ("tr", "az", "en")},
            "presence": rng.sample(NAMES, 2),
        },
        "body": [{"text": {lang: " ".join(sentence(rng) for _ in range(3)) for lang in ("tr", "az", "en")}}],
    }


def fill(url: str, count: int) -> None:
    rng = random.Random(15)
    upgrade(url)
    with open_store(url) as store:
        store.database.run_write(
            lambda connection: [drafts.create(connection, release(rng, i), owner="bench") for i in range(count)]
        )


LIKE = text(
    "SELECT d.id FROM drafts d JOIN search_index s ON s.draft_id = d.id WHERE d.deleted_at IS NULL AND {terms}"
    " ORDER BY d.updated_at DESC, d.id LIMIT :limit"
)


def like_scan(connection, query: str) -> list[str]:
    """The same query as a plain scan: every term the beginning of a folded word."""
    terms = words(query)
    where = " AND ".join(f"(' ' || s.words) LIKE :t{i}" for i in range(len(terms)))
    params = {f"t{i}": f"% {term}%" for i, term in enumerate(terms)}
    statement = text(LIKE.text.replace("{terms}", where))
    return [row.id for row in connection.execute(statement, {**params, "limit": LIMIT})]


def timed(run) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return (time.perf_counter() - start) * 1000, result


def main(count: int = COUNT, repeats: int = REPEATS) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'store.db'}"
        start = time.perf_counter()
        fill(url, count)
        print(f"{count} releases stored and indexed in {time.perf_counter() - start:.1f} s")
        with open_store(url) as store:
            ours, theirs = [], []
            for _ in range(repeats):
                for query in QUERIES:
                    ms, found = timed(lambda q=query: [hit.id for hit in store.search_drafts(q, limit=LIMIT)])
                    like_ms, scanned = timed(lambda q=query: store.database.run_read(lambda c: like_scan(c, q)))
                    if found != scanned:
                        sys.exit(f"the search and the LIKE scan disagree on {query!r}")
                    ours.append(ms)
                    theirs.append(like_ms)
    median, like_median = statistics.median(ours), statistics.median(theirs)
    print(f"{len(QUERIES)} queries x {repeats} repeats, the first {LIMIT} results each")
    print(f"search: median {median:.2f} ms, max {max(ours):.2f} ms; LIKE scan: median {like_median:.2f} ms")
    print(f"median_ms={median:.2f} like_median_ms={like_median:.2f} ratio_vs_like={like_median / median:.2f}")


if __name__ == "__main__":
    main()

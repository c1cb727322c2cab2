"""Throughput of the whole extraction (`pipeline.extract.extract`) on one core.

    python benchmarks/bench_extract.py [--rounds R]

Runs over the sample and the dev articles in tests/articles, after one warm-up
pass (jieba's dictionary and the lexicon load once per process), and prints
characters and articles per second, with the one-off start-up cost apart.
BLAS is pinned to one thread below, so the NER's matrix products stay on one core.
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from pipeline import segment
    from pipeline.extract import extract
    from pipeline.read import read_paths
    from pipeline.records import Article
    from pipeline.text import nesting

    articles = [a for a in read_paths([str(ROOT / "corpus"), str(ROOT / "tests" / "articles")])
                if isinstance(a, Article)]
    extract(articles[0])
    startup = time.perf_counter() - t0

    chars = sum(len(a.text) for a in articles)
    best = float("inf")
    for _ in range(args.rounds):
        segment.boundaries.cache_clear()  # no help from the previous round's cache
        segment.words.cache_clear()
        nesting.cache_clear()
        t = time.perf_counter()
        for a in articles:
            extract(a)
        best = min(best, time.perf_counter() - t)
    print(f"start-up (imports, jieba, lexicon): {startup:.2f} s")
    print(f"{len(articles)} articles, {chars} characters, best of {args.rounds}: {best:.3f} s")
    print(f"{chars / best:,.0f} characters/s, {len(articles) / best:.1f} articles/s on one core")


if __name__ == "__main__":
    main()

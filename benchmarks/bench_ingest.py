"""Ingest throughput: N copies of the sample article (distinct urls) into a fresh temporary store.

Usage: python benchmarks/bench_ingest.py [N] [JOBS...]   (defaults: 40 copies; jobs 1 and 2)
Prints articles/second and characters/second per jobs setting, then the same
batch again to show what a rerun over an unchanged batch costs.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from pipeline.ingest import ingest
from pipeline.store import Store

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "000_5752d0d765a15d5f.txt"


def copies(folder: Path, n: int) -> int:
    """Write n copies, each under its own url; returns the characters written."""
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        body = text.replace("url: https://www.huxiu.com/article/43422", f"url: https://bench.example.cn/{i}", 1)
        (folder / f"{i:04d}.txt").write_text(body, encoding="utf-8")
    return n * len(text)


def timed(folder: Path, db: Path, jobs: int) -> tuple[float, object]:
    start = time.perf_counter()
    with Store(db) as store:
        summary = ingest([str(folder)], store, jobs=jobs)
    return time.perf_counter() - start, summary


def main(n: int = 40, jobs_list: tuple[int, ...] = (1, 2)) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        chars = copies(folder, n)
        print(f"{n} articles, {chars} characters")
        for jobs in jobs_list:
            db = Path(tmp) / f"jobs{jobs}.db"
            seconds, summary = timed(folder, db, jobs)
            assert summary.new == n and summary.failed == 0, summary
            print(f"jobs={jobs}: {seconds:.2f} s, {n / seconds:.1f} articles/s, {chars / seconds:,.0f} chars/s")
            seconds, summary = timed(folder, db, jobs)
            assert summary.unchanged == n, summary
            print(f"jobs={jobs} rerun, all unchanged: {seconds:.2f} s, {n / seconds:.1f} articles/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40, tuple(map(int, sys.argv[2:])) or (1, 2))

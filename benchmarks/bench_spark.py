"""The Spark job's throughput with local[1] and local[2], its start-up cost, and kg ingest beside it.

Usage: python benchmarks/bench_spark.py [N]   (default: 96 articles)

The corpus is built deterministically from the repo: the sample and the test
articles, copied round-robin under distinct urls until there are N. Each master
runs in its own process: the session's start (JVM, Spark), a first job over
two articles per core (each Python worker loads the lexicon and the model), then
the timed job over the N articles into a fresh folder, and a rerun (nothing
changed). Then ``kg ingest --jobs 2`` of the same N into a fresh store.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))
URL = re.compile(r"^url: *(\S+)", re.MULTILINE)


def build(folder: Path, n: int) -> int:
    """n articles, each the text of one source under its own url; returns the characters written."""
    from pipeline.read import decode

    texts = [decode(p.read_bytes(), str(p)) for p in SOURCES]
    chars = 0
    for i in range(n):
        text = texts[i % len(texts)]
        url = f"url: https://bench.example.cn/{i}"
        text = URL.sub(url, text, count=1) if URL.search(text) else f"---\n{url}\n---\n{text}"
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def one_master(master: str, folder: str, scratch: str) -> dict[str, float]:
    """Runs in a child process: the figures of one master."""
    from pipeline.spark_job import run
    from pipeline.spark_session import session

    files = sorted(Path(folder).iterdir())
    cores = int(master.removeprefix("local[").removesuffix("]"))
    warm = Path(scratch) / "warm"
    warm.mkdir()
    for f in files[: 2 * cores]:
        (warm / f.name).write_bytes(f.read_bytes())
    start = time.perf_counter()
    with session(master) as spark:
        figures = {"session": time.perf_counter() - start}
        start = time.perf_counter()
        run(spark, [str(warm)], f"{scratch}/warm-graph")
        figures["first_job"] = time.perf_counter() - start
        start = time.perf_counter()
        summary = run(spark, [folder], f"{scratch}/graph")
        figures["job"] = time.perf_counter() - start
        assert summary.new == len(files) and not summary.errors, summary
        start = time.perf_counter()
        summary = run(spark, [folder], f"{scratch}/graph")
        figures["rerun"] = time.perf_counter() - start
        assert not summary.written, summary
    return figures


def ingest_seconds(folder: Path, db: Path) -> float:
    from pipeline.ingest import ingest
    from pipeline.store import Store

    start = time.perf_counter()
    with Store(db) as store:
        summary = ingest([str(folder)], store, jobs=2)
    assert summary.failed == 0, summary
    return time.perf_counter() - start


def main(n: int = 96) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        chars = build(folder, n)
        print(f"{n} articles, {chars:,} characters ({len(SOURCES)} sources repeated)")
        rates = {}
        for master in ("local[1]", "local[2]"):
            scratch = Path(tmp) / master.removeprefix("local[").removesuffix("]")
            scratch.mkdir()
            child = subprocess.run(
                [sys.executable, __file__, "--child", master, str(folder), str(scratch)],
                check=True,
                capture_output=True,
                text=True,
            )
            f = json.loads(child.stdout.strip().splitlines()[-1])
            rates[master] = n / f["job"]
            print(
                f"{master}: session start {f['session']:.1f} s, first job (2 articles a core, models load)"
                f" {f['first_job']:.1f} s; {n} articles {f['job']:.1f} s = {rates[master]:.1f} articles/s,"
                f" {chars / f['job']:,.0f} chars/s; rerun, nothing changed, {f['rerun']:.1f} s"
            )
        print(f"local[2] / local[1]: {rates['local[2]'] / rates['local[1]']:.2f} x")
        seconds = ingest_seconds(folder, Path(tmp) / "kg.db")
        print(f"kg ingest --jobs 2 (process start-up included): {seconds:.1f} s = {n / seconds:.1f} articles/s")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(one_master(*sys.argv[2:5])))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 96)

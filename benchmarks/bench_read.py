"""Throughput of reading and sentence cutting: read_paths + sentences over the sample repeated.

    python benchmarks/bench_read.py [--copies N] [--rounds R]

Prints characters per second for N copies of the sample as N files (the batch case) and for
one long article holding N variants of the sample body (de-duplication over long texts).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pipeline.read import read_paths, sentences
from pipeline.records import Article

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "000_5752d0d765a15d5f.txt"


def run(paths: list[str]) -> tuple[int, int]:
    chars = count = 0
    for item in read_paths(paths):
        if isinstance(item, Article):
            chars += len(item.text)
            count += len(sentences(item))
    return chars, count


def best_time(fn, rounds: int) -> tuple[float, tuple[int, int]]:
    best, result = float("inf"), (0, 0)
    for _ in range(rounds):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    text = SAMPLE.read_text(encoding="utf-8")
    head, body = text[: text.index("\n---\n") + 5], text[text.index("\n---\n") + 5:]
    with tempfile.TemporaryDirectory() as tmp:
        files, long = Path(tmp) / "files", Path(tmp) / "long"
        files.mkdir()
        long.mkdir()
        for i in range(args.copies):
            (files / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        # each copy made distinct (a number per sentence) so nothing is dropped as a repeat
        long_text = head + "\n".join(body.replace("。", f"{i}。") for i in range(args.copies))
        (long / "long.txt").write_text(long_text, encoding="utf-8")
        for label, paths in (("files", [str(files)]), ("one long article", [str(long)])):
            seconds, (chars, count) = best_time(lambda: run(paths), args.rounds)
            print(f"{label}: {chars:,} chars, {count:,} sentences in {seconds:.3f}s "
                  f"= {chars / seconds:,.0f} chars/s")


if __name__ == "__main__":
    main()

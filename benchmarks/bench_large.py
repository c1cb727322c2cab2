"""Bounded work on large input: seconds and peak memory of `pipeline.extract.extract` on one long article.

    python benchmarks/bench_large.py [--mb 1 4 16] [--line 100000]

Each article is built from the sample and the dev articles in tests/data/articles, their bodies repeated and
each copy made distinct (a number before every 。) so nothing is dropped as a repeat; sizes are UTF-8
bytes. The line is the same text with every punctuation mark and space removed: one sentence of that
many characters. Every run is a child process of its own, so its peak memory (ru_maxrss) is its own;
"after start-up" is the child's resident memory with the models loaded, before the article.
Targets (issue 25): 16 MB within 5 times the time of 4 MB; the 100k-character line under 10 s.
BLAS is pinned to one thread, so the NER's matrix products stay on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PUNCTUATION = re.compile(r"[\s\W_]")


def bodies() -> list[str]:
    from pipeline.read.articles import read_paths
    from pipeline.records import Article

    return [
        a.body
        for a in read_paths([str(ROOT / "corpus"), str(ROOT / "tests" / "data" / "articles")])
        if isinstance(a, Article)
    ]


def article_of(megabytes: float) -> str:
    want, parts, size, i = int(megabytes * 1_000_000), [], 0, 0
    texts = bodies()
    while size < want:
        part = texts[i % len(texts)].replace("。", f"{i}。")
        parts.append(part)
        size += len(part.encode("utf-8")) + 1
        i += 1
    return "\n".join(parts)


def line_of(chars: int) -> str:
    flat = _PUNCTUATION.sub("", "".join(bodies()))
    return (flat * (chars // len(flat) + 1))[:chars]


def child(kind: str, size: float) -> None:
    """Runs in the child: extract one article, print a JSON line of what it cost."""
    import resource
    import time

    from pipeline.extract import extract
    from pipeline.records import Article

    text = article_of(size) if kind == "article" else line_of(int(size))
    extract(Article(doc="warm-up", text="中国联通发布公告称，将下调批发价。"))
    with open("/proc/self/statm") as f:
        start_rss = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    began = time.perf_counter()
    x = extract(Article(doc=kind, text=text))
    seconds = time.perf_counter() - began
    print(
        json.dumps(
            {
                "chars": len(text),
                "bytes": len(text.encode("utf-8")),
                "seconds": seconds,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "start_mb": start_rss / 2**20,
                "statements": len(x.statements),
                "entities": len(x.entities),
            }
        )
    )


def measure(kind: str, size: float) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(size)], env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="*", default=[1, 4, 16], help="article sizes in MB")
    parser.add_argument("--line", type=int, default=100_000, help="characters of the punctuation-free line (0: none)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], float(args.child[1]))
        return
    seconds: dict[float, float] = {}
    for mb in args.mb:
        r = measure("article", mb)
        seconds[mb] = r["seconds"]
        print(
            f"{mb:g} MB article ({r['chars']:,} chars): {r['seconds']:.1f} s"
            f" = {r['chars'] / r['seconds']:,.0f} chars/s, peak {r['peak_mb']:,.0f} MB"
            f" ({r['start_mb']:,.0f} MB after start-up); {r['statements']:,} statements",
            flush=True,
        )
    if 4 in seconds and 16 in seconds:
        print(f"16 MB / 4 MB time: {seconds[16] / seconds[4]:.2f} (target: at most 5; linear is 4)")
    if args.line:
        r = measure("line", args.line)
        print(
            f"{r['chars']:,}-character line without punctuation: {r['seconds']:.1f} s (target: under 10 s),"
            f" peak {r['peak_mb']:,.0f} MB ({r['start_mb']:,.0f} MB after start-up)"
        )


if __name__ == "__main__":
    main()

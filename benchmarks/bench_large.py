"""Bounded work on large input: seconds and peak memory of `pipeline.extract.extract` on one long article.

    python benchmarks/bench_large.py [--mb 1 4 16] [--line 100000] [--chars 80000 160000 320000 640000]

Each article is built from the sample and the dev articles in tests/data/articles, their bodies repeated and
each copy made distinct (a number before every 。) so nothing is dropped as a repeat; sizes are UTF-8
bytes. The line is the same text with every punctuation mark and space removed: one sentence of that
many characters. Every run is a child process of its own, so its peak memory (ru_maxrss) is its own;
"after start-up" is the child's resident memory with the models loaded, before the article.
Targets (issue 25): 16 MB within 5 times the time of 4 MB; the 100k-character line under 10 s.
``--chars`` times a document of each length through every article-level step (extraction, then its
graph built and stored), against the same steps over the normal articles one by one, in CPU
seconds (steadier than wall time on a shared machine). Targets (issue 34): twice the characters within
2.2 times the time, and at the longest at least 0.8 times a normal article's characters per second.
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


def document_of(chars: int) -> str:
    """A long document of ``chars`` characters, built as article_of builds one."""
    return article_of(chars * 3 / 1_000_000)[:chars]  # over 3 bytes a character: enough to cut from


def per_article(articles: list[str]) -> tuple[int, float]:
    """(characters, CPU seconds) of the article-level steps over each normal article on its own: extracted,
    then stored (its graph built and merged) in a store in memory."""
    import time

    from pipeline.extract import extract
    from pipeline.records import Article
    from pipeline.storage.store import Store

    with Store(":memory:") as store:
        began = time.process_time()
        for i, text in enumerate(articles):
            store.apply(extract(Article(doc=f"article{i}", text=text)))
        return sum(map(len, articles)), time.process_time() - began


def child_document(chars: int) -> None:
    """Runs in the child: the article-level steps over one long document and over the normal articles."""
    normal = bodies()
    per_article(normal[:1])  # models loaded
    text = document_of(chars)
    _, seconds = per_article([text])
    normal_chars, normal_seconds = per_article(normal)
    print(json.dumps({"chars": len(text), "seconds": seconds, "normal_chars_per_s": normal_chars / normal_seconds}))


def child(kind: str, size: float) -> None:
    """Runs in the child: extract one article, print a JSON line of what it cost."""
    import resource
    import time

    from pipeline.extract import extract
    from pipeline.records import Article

    if kind == "document":
        child_document(int(size))
        return
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


def documents(lengths: list[int]) -> None:
    """Each long document's CPU time, its ratio to the one half its length, and its speed against normal articles."""
    before: dict | None = None
    for chars in lengths:
        r = measure("document", chars)
        speed = r["chars"] / r["seconds"]
        growth = f"; {r['seconds'] / before['seconds']:.2f} x the time of {before['chars']:,}" if before else ""
        print(
            f"{r['chars']:,}-character document: {r['seconds']:.1f} CPU s = {speed:,.0f} chars/s,"
            f" {speed / r['normal_chars_per_s']:.2f} x a normal article's {r['normal_chars_per_s']:,.0f}{growth}",
            flush=True,
        )
        before = r


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="*", default=[1, 4, 16], help="article sizes in MB")
    parser.add_argument("--line", type=int, default=100_000, help="characters of the punctuation-free line (0: none)")
    parser.add_argument("--chars", type=int, nargs="*", default=[], help="long documents' lengths in characters")
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
    documents(args.chars)
    if args.line:
        r = measure("line", args.line)
        print(
            f"{r['chars']:,}-character line without punctuation: {r['seconds']:.1f} s (target: under 10 s),"
            f" peak {r['peak_mb']:,.0f} MB ({r['start_mb']:,.0f} MB after start-up)"
        )


if __name__ == "__main__":
    main()

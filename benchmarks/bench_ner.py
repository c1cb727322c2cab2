"""Recognition speed of the shipped NER on one core, in characters per second.

Run: ``python benchmarks/bench_ner.py`` (BLAS pinned to one thread below).
Prints figures for short dev sentences and for the long sample corpus, plus
the speed of building the features alone.
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import json  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from pipeline import ner  # noqa: E402

ROOT = Path(__file__).parent.parent


def rate(fn, texts: list[str], repeat: int = 3) -> float:
    """Best of ``repeat`` runs: other jobs share the machine's cores."""
    chars = sum(map(len, texts))
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn(texts)
        best = min(best, time.perf_counter() - started)
    return chars / best


def main() -> None:
    nlp = ner.load()
    dev = [json.loads(l)["text"] for l in (ROOT / "training/data/dev.jsonl").read_text(encoding="utf-8").splitlines()]
    corpus = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    ner.recognise(dev[:50])  # warm up: jieba dictionary, model weights
    print(f"load average: {os.getloadavg()[0]:.2f} (2 cores shared)")
    print(f"features only (jieba + bigrams): {rate(lambda ts: [nlp.make_doc(t) for t in ts], dev):,.0f} chars/s")
    print(f"recognise, dev sentences ({len(dev)} lines, {sum(map(len, dev)):,} chars): "
          f"{rate(ner.recognise, dev):,.0f} chars/s")
    if corpus:
        print(f"recognise, corpus articles ({len(corpus)} files, {sum(map(len, corpus)):,} chars): "
              f"{rate(ner.recognise, corpus):,.0f} chars/s")


if __name__ == "__main__":
    main()

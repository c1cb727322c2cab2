"""kg's benchmarks in one run: a table on stdout, every figure in a JSON file.

    python -m benchmarks.run                                   # everything, full sizes (long)
    python -m benchmarks.run --ingest-sizes 100,1000 --bulk-rows 200000
    python -m benchmarks.run --only extract,startup            # no Neo4j needed

Sections: ``extract`` (characters/s per stage and end to end on one core, beside jieba.posseg over
the same text in the same run), ``startup`` (whole processes), ``ingest`` (``kg ingest`` of N
articles with each --jobs, then the unchanged corpus again), ``push`` (``kg push`` into an empty and
a loaded database beside a minimal UNWIND … MERGE loader over the same rows, then an unchanged
re-push) and ``bulk`` (``kg push --bulk`` of a large store). kg runs as users run it, as a child
process (``python -m pipeline.cli``) with the environment it was given: no thread pinning. The
push sections REPLACE everything in the Neo4j they are given (NEO4J_URI, NEO4J_PASSWORD, …);
``bulk`` also stops and restarts the local server (scripts/neo4j-local, KG_NEO4J_HOME).
Each figure is the median of --rounds runs (ingest and push: one run each, they are long).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import corpus

ROOT = corpus.ROOT
KG = [sys.executable, "-m", "pipeline.cli"]
SECTIONS = ("extract", "startup", "ingest", "push", "bulk")


def median_time(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def clear_text_caches() -> None:
    """Empty pipeline's per-text caches (the large ones), so no round is helped by the one before."""
    for name, module in list(sys.modules.items()):
        if name.startswith("pipeline."):
            for value in vars(module).values():
                info = getattr(value, "cache_info", None)
                if info and (info().maxsize or 0) > 16:
                    value.cache_clear()


def kg_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


class PeakMemory:
    """Peak resident memory of a process and its descendants (summed), sampled from /proc."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.largest = pid, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            rss = _tree_rss(self.pid)
            if rss:
                self.peak = max(self.peak, sum(rss))
                self.largest = max(self.largest, max(rss))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _tree_rss(root: int) -> list[int]:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            statm = Path(f"/proc/{entry}/statm").read_text()
        except OSError:
            continue
        parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
        rss[int(entry)] = int(statm.split()[1]) * os.sysconf("SC_PAGE_SIZE")
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in tree} - tree
        tree |= more
        grew = bool(more)
    return [rss[p] for p in tree if p in rss]


def run_kg(*args: str, check: bool = True) -> dict[str, float]:
    """One ``kg`` process: wall seconds and peak memory (MB) of its process tree."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        [*KG, *args], cwd=ROOT, env=kg_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    memory = PeakMemory(proc.pid)
    out, err = proc.communicate()
    seconds = time.perf_counter() - t
    memory.stop()
    if check and proc.returncode != 0:
        raise SystemExit(f"kg {' '.join(args)} failed ({proc.returncode}): {err.strip()[-2000:]}")
    return {
        "seconds": seconds,
        "peak_mb": memory.peak / 2**20,
        "largest_process_mb": memory.largest / 2**20,
        "stdout": out,
    }  # type: ignore[dict-item]


# --- sections ---------------------------------------------------------------------------------------


def bench_extract(args: argparse.Namespace) -> dict[str, Any]:
    """Characters/s of each stage and of the whole extraction, in this process (one core)."""
    import jieba.posseg

    from pipeline import ner
    from pipeline.extract import _prepare, extract, extract_batched
    from pipeline.language import segment
    from pipeline.read.articles import read_paths
    from pipeline.read.clean import sentences
    from pipeline.recognise.model import model_entities

    articles = list(corpus.repo_articles())
    chars = sum(len(a.text) for a in articles)
    spans = [sentences(a) for a in articles]
    texts = [s.text for ss in spans for s in ss]
    prepared = _prepare(articles)  # warm-up: dictionaries, lexicon, model weights
    list(extract_batched(articles))
    jieba.posseg.lcut(articles[0].text)
    dev = [
        json.loads(line)["text"]
        for line in (ROOT / "training" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    paths = [a.doc for a in articles]

    def timed(fn: Callable[[], object], n_chars: int = chars) -> float:
        def once() -> None:
            clear_text_caches()
            fn()

        return n_chars / median_time(once, args.rounds)

    rates = {
        "read (decode, front matter, clean, sentences)": timed(
            lambda: [sentences(a) for a in read_paths(paths) if not isinstance(a, Exception)]
        ),
        "segmentation (jieba cut of each sentence)": timed(lambda: [segment.words(t) for t in texts]),
        "NER (trained model over the sentences)": timed(lambda: model_entities(texts)),
        "rules (every stage after the NER)": timed(
            lambda: [extract(a, prepared=p) for a, p in zip(articles, prepared)]
        ),
        "whole extraction (kg extract's batches)": timed(lambda: list(extract_batched(articles))),
    }
    jieba_rate = timed(lambda: [jieba.posseg.lcut(a.text) for a in articles])
    dev_chars = sum(map(len, dev))
    rows = [{"stage": stage, "chars_per_s": rate, "x_jieba_posseg": rate / jieba_rate} for stage, rate in rates.items()]
    rows.append({"stage": "jieba.posseg over the same text", "chars_per_s": jieba_rate, "x_jieba_posseg": 1.0})
    rows.append(
        {
            "stage": f"NER alone, {len(dev)} dev sentences",
            "chars_per_s": timed(lambda: ner.recognise(dev), dev_chars),
            "x_jieba_posseg": None,
        }
    )
    return {"articles": len(articles), "chars": chars, "rows": rows}


def bench_startup(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("中国联通副总裁李明表示，虚拟运营商用户已超过5万户。\n", encoding="utf-8")
        rows = {
            "kg --version (imports only)": ("--version",),
            "kg extract of a one-sentence article (models loaded)": ("extract", str(tiny)),
        }
        return {
            "rows": [
                {"what": what, "seconds": statistics.median(run_kg(*cmd)["seconds"] for _ in range(args.rounds))}
                for what, cmd in rows.items()
            ]
        }


def bench_ingest(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    rows = []
    for n in args.ingest_sizes:
        folder = work / f"corpus-{n}"
        chars = corpus.write(folder, n)
        for jobs in args.jobs:
            db = work / f"ingest-{n}-j{jobs}.db"
            r = run_kg("ingest", str(folder), "--store", str(db), "--jobs", str(jobs), "--quiet")
            rows.append(
                {
                    "articles": n,
                    "chars": chars,
                    "jobs": jobs,
                    "run": "first",
                    "seconds": r["seconds"],
                    "articles_per_s": n / r["seconds"],
                    "peak_mb": r["peak_mb"],
                    "largest_process_mb": r["largest_process_mb"],
                }
            )
        again = run_kg("ingest", str(folder), "--store", str(db), "--jobs", str(jobs), "--quiet")
        rows.append(
            {
                "articles": n,
                "chars": chars,
                "jobs": jobs,
                "run": "unchanged again",
                "seconds": again["seconds"],
                "articles_per_s": n / again["seconds"],
                "peak_mb": again["peak_mb"],
                "largest_process_mb": again["largest_process_mb"],
            }
        )
    for n in args.ingest_sizes:
        first = {r["jobs"]: r["seconds"] for r in rows if r["articles"] == n and r["run"] == "first"}
        if 1 in first:
            for r in rows:
                if r["articles"] == n:
                    r["x_jobs1"] = first[1] / r["seconds"]
    return {"rows": rows}


@lru_cache(maxsize=1)
def repo_extractions() -> list:
    from pipeline.extract import extract_batched

    return [x for _, x in extract_batched(corpus.repo_articles())]


def synthetic_store(path: Path, copies: int) -> int:
    """A store of ``copies`` variants of the repo's extracted articles (corpus.variant); returns its rows."""
    from pipeline.storage.store import Store

    extractions = repo_extractions()
    with Store(path) as store:
        for i in range(copies):
            store.apply(corpus.variant(extractions[i % len(extractions)], i))
        return sum(store.totals())


def store_for_push(args: argparse.Namespace, work: Path) -> Path:
    db = work / "push.db"
    if not db.exists():
        synthetic_store(db, args.push_articles)
    return db


def neo4j_config():
    from pipeline.graphdb.push import Neo4jConfig

    return Neo4jConfig.from_env()


def wipe(config) -> None:
    """Everything out of the database, in batches; constraints and indexes stay."""
    from pipeline.graphdb.push import connect, ensure_schema

    with connect(config) as driver, driver.session(database=config.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        ensure_schema(session)


def minimal_load(config, nodes: list, rels: list, batch: int) -> float:
    """The yardstick: rows grouped by label (by type and end labels), UNWIND … MERGE per batch; seconds."""
    from collections import defaultdict

    from pipeline.graphdb.push import connect

    primary = {n.id: n.labels[0] for n in nodes}
    by_label: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for n in nodes:
        by_label[n.labels].append({"id": n.id, "props": n.props})
    by_shape: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for r in rels:
        by_shape[(r.type, primary[r.start], primary[r.end])].append(
            {"id": r.id, "start": r.start, "end": r.end, "props": r.props}
        )
    start = time.perf_counter()
    with connect(config) as driver, driver.session(database=config.database) as session:

        def send(query: str, rows: list[dict]) -> None:
            for i in range(0, len(rows), batch):
                chunk = rows[i : i + batch]
                session.execute_write(lambda tx, chunk=chunk: tx.run(query, rows=chunk).consume())

        for labels, rows in by_label.items():
            send(
                f"UNWIND $rows AS row MERGE (n:{labels[0]} {{id: row.id}}) SET n += row.props"
                + "".join(f" SET n:{label}" for label in labels[1:]),
                rows,
            )
        for (type_, a, b), rows in by_shape.items():
            send(
                f"UNWIND $rows AS row MATCH (a:{a} {{id: row.start}}) MATCH (b:{b} {{id: row.end}}) "
                f"MERGE (a)-[r:{type_} {{id: row.id}}]->(b) SET r += row.props",
                rows,
            )
    return time.perf_counter() - start


def bench_push(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    from pipeline.storage.store import Store

    config = neo4j_config()
    db = store_for_push(args, work)
    with Store(db, create=False) as store:
        nodes, rels = list(store.nodes()), list(store.rels())
    rows_n = len(nodes) + len(rels)
    batch = args.batch_size
    push = ("push", "--store", str(db), "--batch-size", str(batch), "--quiet")
    wipe(config)
    loader_empty = minimal_load(config, nodes, rels, batch)
    loader_loaded = minimal_load(config, nodes, rels, batch)
    wipe(config)
    first = run_kg(*push)["seconds"]
    again = run_kg(*push)["seconds"]
    full = run_kg(*push, "--full")["seconds"]
    rows = [
        {"what": "minimal UNWIND … MERGE loader, empty database", "seconds": loader_empty},
        {"what": "minimal loader, loaded database (every row there)", "seconds": loader_loaded},
        {"what": "kg push, empty database", "seconds": first, "x_loader": loader_empty / first},
        {"what": "kg push --full, loaded database (every row sent)", "seconds": full, "x_loader": loader_loaded / full},
        {"what": "kg push again, store unchanged", "seconds": again, "x_first_push": first / again},
    ]
    for r in rows:
        r["rows_per_s"] = rows_n / r["seconds"]
    return {"rows_in_store": rows_n, "batch_size": batch, "packstream": packstream(), "rows": rows}


def packstream() -> str:
    """How the driver packs rows, for the loader and kg alike: neo4j-rust-ext's extension found
    beside the driver, or its pure-Python fallback (e.g. the driver and the extension installed
    in different site-packages)."""
    from importlib.util import find_spec

    return "rust" if find_spec("neo4j._rust") else "python"


def bench_bulk(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    config = neo4j_config()
    db = work / "bulk.db"
    per_copy = max(1, synthetic_store(work / "probe.db", 50) // 50)
    rows_n = synthetic_store(db, max(1, args.bulk_rows // per_copy))
    home = os.environ.get("KG_NEO4J_HOME") or str(Path.home() / ".cache" / "kg" / "neo4j-5.26")
    script = str(ROOT / "scripts" / "neo4j-local")
    subprocess.run(["bash", script, "stop"], check=True, capture_output=True)
    try:
        r = run_kg("push", "--store", str(db), "--bulk", "--neo4j-home", home, "--quiet")
    finally:
        subprocess.run(["bash", script, "start"], check=True, capture_output=True)
    after = run_kg("push", "--store", str(db), "--quiet")["seconds"]
    wipe(config)
    return {
        "rows": [
            {
                "what": "kg push --bulk (CSV + neo4j-admin import, server stopped)",
                "rows": rows_n,
                "seconds": r["seconds"],
                "rows_per_s": rows_n / r["seconds"],
            },
            {
                "what": "kg push after the bulk load (nothing to send)",
                "rows": rows_n,
                "seconds": after,
                "rows_per_s": rows_n / after,
            },
        ]
    }


# --- report -----------------------------------------------------------------------------------------


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"
    return "" if value is None else str(value)


def table(title: str, rows: list[dict[str, Any]]) -> str:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    cells = [keys] + [[fmt(r.get(k)) for k in keys] for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(keys))]
    lines = [f"## {title}"] + ["  ".join(c[i].ljust(widths[i]) for i in range(len(keys))) for c in cells]
    lines.insert(2, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"sections, comma-separated: {','.join(SECTIONS)}")
    parser.add_argument("--rounds", type=int, default=3, help="runs per figure, the median is kept")
    parser.add_argument("--ingest-sizes", type=sizes, default=[100, 1000, 10000], metavar="N,N,…")
    parser.add_argument("--jobs", type=sizes, default=[1, 2], metavar="J,J,…")
    parser.add_argument("--push-articles", type=int, default=4000, help="articles in the push benchmark's store")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--bulk-rows", type=int, default=1_000_000)
    parser.add_argument("--json", default="benchmarks/results.json", help="where the figures go")
    parser.add_argument("--work", help="folder for corpora and stores (default: a temporary one)")
    args = parser.parse_args()
    chosen = [s for s in args.only.split(",") if s]
    if unknown := set(chosen) - set(SECTIONS):
        parser.error(f"unknown sections {sorted(unknown)}")
    report: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f} at start",
        "python": platform.python_version(),
    }
    print(f"{report['date']}  {report['machine']}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        runs: dict[str, Callable[[], dict[str, Any]]] = {
            "extract": lambda: bench_extract(args),
            "startup": lambda: bench_startup(args),
            "ingest": lambda: bench_ingest(args, work),
            "push": lambda: bench_push(args, work),
            "bulk": lambda: bench_bulk(args, work),
        }
        for section in SECTIONS:
            if section in chosen:
                report[section] = runs[section]()
                extra = {k: v for k, v in report[section].items() if k != "rows"}
                print(
                    "\n" + table(f"{section} {json.dumps(extra) if extra else ''}", report[section]["rows"]), flush=True
                )
    report["load_average_at_end"] = os.getloadavg()[0]
    Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")


if __name__ == "__main__":
    main()

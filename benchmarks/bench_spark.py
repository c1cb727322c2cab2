"""The Spark job's steps with local[1] and local[2] on the same corpus, and kg ingest --jobs 1/2 beside it.

    python -m benchmarks.bench_spark                      # 960 articles, figures in benchmarks/spark.json
    python -m benchmarks.bench_spark --articles 96 --json /tmp/spark.json

The corpus is ``benchmarks/corpus.py``'s (deterministic, no sentence shared between articles). Each master
runs in its own process: the session's start (JVM, Spark); warm-up jobs over other articles until every
Python worker holds the models (the first of them is the start-up cost: each worker loads the lexicon and
the model); then the timed job over the N articles into a fresh folder, its steps as ``run`` reports them
(read, extract, resolve and write); then the rerun (nothing changed). The extraction rate is the step's
articles per second; ``workers_busy``, the Python workers' CPU seconds per second of the timed job, says how
many cores' worth they got (on a shared machine maybe fewer than the master has); ``loads`` counts the Python
workers that loaded the models during the timed job (0: the figure is steady state). Then ``kg ingest --jobs 1``
and ``--jobs 2`` of the same N articles into fresh
stores, and of one article (the process's start-up). Every figure carries the load average (1 minute) at its
end, and each side what two busy processes gained over one on the machine just before (``machine_2_over_1``):
on a shared machine they say how far to trust it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import corpus
from .run import KG, ROOT, kg_env, table

MASTERS = ("local[1]", "local[2]")
MODEL_MB = 150  # a Python worker's resident memory grows by more than this when it loads the models
WARM_JOBS = 3  # at most, until no worker loads the models any more


def load() -> float:
    return round(os.getloadavg()[0], 2)


def _spin(_: int) -> float:
    start, x = time.perf_counter(), 0
    for i in range(40_000_000):
        x += i
    return time.perf_counter() - start


def machine_2_over_1() -> float:
    """What two processes gain over one on this machine now (pure Python, same work each): the most any
    two-worker figure of the same moment can show (2.0 on two idle cores)."""
    from concurrent.futures import ProcessPoolExecutor

    seconds = []
    for n in (1, 2):
        start = time.perf_counter()
        with ProcessPoolExecutor(n) as pool:
            list(pool.map(_spin, range(n)))
        seconds.append(time.perf_counter() - start)
    return round(2 * seconds[0] / seconds[1], 2)


def workers() -> dict[int, tuple[int, float]]:
    """(resident MB, CPU seconds) of each of this process's Python workers (children of pyspark's daemon)."""
    daemons = {p.name for p in Path("/proc").iterdir() if p.name.isdigit() and _is_daemon(p)}
    out = {}
    for p in Path("/proc").iterdir():
        try:
            stat = (p / "stat").read_text().rsplit(")", 1)[1].split()
            if p.name.isdigit() and stat[1] in daemons:
                mb = int((p / "statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") >> 20
                out[int(p.name)] = mb, (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            continue
    return out


def _is_daemon(p: Path) -> bool:
    try:
        return b"pyspark.daemon" in (p / "cmdline").read_bytes() and _descends_from(p, os.getpid())
    except OSError:
        return False


def _descends_from(p: Path, root: int) -> bool:
    pid = int(p.name)
    while pid > 1:
        if pid == root:
            return True
        pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    return False


def loads(before: dict[int, tuple[int, float]], after: dict[int, tuple[int, float]]) -> int:
    """Workers that loaded the models between the two snapshots (new ones holding them, or grown by them)."""
    return sum(1 for pid, (mb, _) in after.items() if mb - before.get(pid, (0, 0.0))[0] > MODEL_MB)


def cpu(before: dict[int, tuple[int, float]], after: dict[int, tuple[int, float]]) -> float:
    """CPU seconds the Python workers used between the two snapshots."""
    return sum(t - before.get(pid, (0, 0.0))[1] for pid, (_, t) in after.items())


def one_master(master: str, scratch: Path, n: int) -> dict[str, Any]:
    """In a child process: the figures of one master over articles [0, n); warm-ups use articles after them."""
    from pipeline.apps.spark_job import run
    from pipeline.apps.spark_session import session

    timed = scratch / "corpus"
    corpus.write(timed, n)
    cores = int(master.removeprefix("local[").removesuffix("]"))
    figures: dict[str, Any] = {"master": master, "articles": n}
    start = time.perf_counter()
    with session(master) as spark:
        figures["session_s"] = time.perf_counter() - start
        for k in range(WARM_JOBS):  # 4 articles a task: every extraction task of the job gets some
            warm = scratch / f"warm{k}"
            corpus.write(warm, 16 * cores, start=n + 16 * cores * k)
            before, start = workers(), time.perf_counter()
            run(spark, [str(warm)], str(scratch / f"warm{k}-graph"))
            figures["last_warm_s"] = time.perf_counter() - start
            figures.setdefault("first_job_s", figures["last_warm_s"])
            figures["warm_jobs"], figures["workers"], figures["warm_articles"] = k + 1, len(workers()), 16 * cores
            if k and not loads(before, workers()):
                break
        figures["startup_s"] = figures["session_s"] + figures["first_job_s"]
        figures["startup_load"] = load()
        before, start = workers(), time.perf_counter()
        summary = run(spark, [str(timed)], str(scratch / "graph"))
        figures["job_s"] = time.perf_counter() - start
        assert summary.new == n and not summary.errors, summary
        figures.update({f"{step.replace(' ', '_')}_s": t for step, t in summary.seconds.items()})
        figures["extract_articles_per_s"] = n / summary.seconds["extract"]
        figures["job_articles_per_s"] = n / figures["job_s"]
        after = workers()
        figures["loads"], figures["job_load"] = loads(before, after), load()
        figures["workers_busy"] = cpu(before, after) / figures["job_s"]  # cores' worth the workers got: <= cores
        start = time.perf_counter()
        summary = run(spark, [str(timed)], str(scratch / "graph"))
        figures["rerun_s"], figures["rerun_load"] = time.perf_counter() - start, load()
        assert not summary.written, summary
    return figures


def spark_rows(work: Path, n: int) -> list[dict[str, Any]]:
    rows = []
    for master in MASTERS:
        machine = machine_2_over_1()
        scratch = work / master.removeprefix("local[").removesuffix("]")
        scratch.mkdir()
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_spark", "--child", master, str(scratch), str(n)],
            cwd=ROOT,
            env=kg_env(),
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append({**json.loads(child.stdout.strip().splitlines()[-1]), "machine_2_over_1_before": machine})
        print(table(master, [rows[-1]]), flush=True)
    return rows


def ingest_rows(work: Path, n: int) -> list[dict[str, Any]]:
    """``kg ingest --jobs J`` as users run it: whole processes, over the N articles and over one."""
    folder, one = work / "corpus", work / "one"
    corpus.write(folder, n)
    corpus.write(one, 1)
    rows, machine = [], machine_2_over_1()
    for jobs in (1, 2):
        seconds = {}
        for name, source in (("one", one), ("all", folder)):
            store = work / f"ingest-{jobs}-{name}.db"
            start = time.perf_counter()
            subprocess.run(
                [*KG, "ingest", str(source), "--store", str(store), "--jobs", str(jobs), "--quiet"],
                cwd=ROOT,
                env=kg_env(),
                check=True,
                capture_output=True,
            )
            seconds[name] = time.perf_counter() - start
        rows.append(
            {
                "jobs": jobs,
                "articles": n,
                "startup_s": seconds["one"],
                "job_s": seconds["all"],
                "articles_per_s": n / seconds["all"],
                "steady_articles_per_s": (n - 1) / max(seconds["all"] - seconds["one"], 1e-9),
                "load": load(),
                "machine_2_over_1_before": machine,
            }
        )
    print(table("kg ingest (whole processes; steady: the one-article run's time taken off)", rows), flush=True)
    return rows


def ratios(spark: list[dict[str, Any]], ingest: list[dict[str, Any]]) -> dict[str, float]:
    one, two = spark
    return {
        "spark_extract_2_over_1": two["extract_articles_per_s"] / one["extract_articles_per_s"],
        "spark_job_2_over_1": two["job_articles_per_s"] / one["job_articles_per_s"],
        "ingest_2_over_1": ingest[1]["steady_articles_per_s"] / ingest[0]["steady_articles_per_s"],
        "spark2_extract_over_ingest2_steady": two["extract_articles_per_s"] / ingest[1]["steady_articles_per_s"],
    }


def break_even(spark: dict[str, Any], ingest: dict[str, Any]) -> dict[str, float | None]:
    """A fresh Spark run of n articles: the session, then the first job (models' load and the job's fixed cost)
    with its time per article from the last warm-up and the timed job (both with the models loaded); kg ingest's:
    its start-up plus n over its steady rate. Spark is faster from the batch where the two cross, on the same
    cores (None: its time per article is not the smaller)."""
    each = (spark["job_s"] - spark["last_warm_s"]) / (spark["articles"] - spark["warm_articles"])
    fixed = spark["session_s"] + spark["first_job_s"] - each * spark["warm_articles"]
    ingest_each = 1 / ingest["steady_articles_per_s"]
    crossing = (fixed - ingest["startup_s"]) / (ingest_each - each) if each < ingest_each else None
    return {"spark_fixed_s": fixed, "spark_s_per_article": each, "ingest_s_per_article": ingest_each, "n": crossing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=960, help="articles in the timed corpus")
    parser.add_argument("--json", default="benchmarks/spark.json", help="where the figures go")
    parser.add_argument("--only", choices=("spark", "ingest"), help="one side only")
    args = parser.parse_args()
    report: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "load_at_start": load(),
    }
    print(f"{report['date']}  {report['machine']}  load {report['load_at_start']}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.only != "ingest":
            report["spark"] = spark_rows(Path(tmp), args.articles)
        if args.only != "spark":
            report["ingest"] = ingest_rows(Path(tmp), args.articles)
    if "spark" in report and "ingest" in report:
        report["ratios"] = ratios(report["spark"], report["ingest"])
        report["break_even"] = break_even(report["spark"][1], report["ingest"][1])
        print(table("ratios (same run)", [report["ratios"]]))
        print(table("local[2] against kg ingest --jobs 2 (n: Spark is faster from)", [report["break_even"]]))
    report["load_at_end"] = load()
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.json}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(one_master(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]))))
    else:
        main()

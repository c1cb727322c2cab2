"""End-to-end ingest through the real pipeline (read + extract) into a real store."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from click.testing import CliRunner
from news import news, write
from repo import DATA, ROOT

from pipeline.apps import ingest as ingest_module
from pipeline.apps.ingest import ingest
from pipeline.cli import main
from pipeline.storage.store import Store, StoreError

SAMPLE = ROOT / "corpus"


def snapshot(path: Path) -> tuple[list, list]:
    with Store(path, create=False) as store:
        return (
            [(n.id, n.labels, n.props) for n in store.nodes()],
            [(r.id, r.type, r.start, r.end, r.props) for r in store.rels()],
        )


def run(paths, db: Path, **kw):
    with Store(db) as store:
        return ingest([str(p) for p in paths], store, jobs=kw.pop("jobs", 1), **kw)


def test_ingesting_the_corpus_twice_changes_nothing(tmp_path):
    db = tmp_path / "kg.db"
    first = run([SAMPLE], db)
    assert (first.new, first.failed) == (1, 0)
    assert first.counts["Statement"] > 0 and first.counts["Person"] > 0 and first.counts["Organization"] > 0
    before = snapshot(db)
    second = run([SAMPLE], db)
    assert (second.new, second.unchanged, second.changed) == (0, 1, 0)
    assert second.counts == first.counts and snapshot(db) == before


def test_republished_remark_is_one_statement_in_every_article(tmp_path):
    db = tmp_path / "kg.db"
    summary = run(write(tmp_path / "news", 3), db)
    assert summary.new == 3
    with Store(db, create=False) as store:
        nodes = {n.id: n for n in store.nodes()}
        remark = [i for i, n in nodes.items() if "资费竞争将更加激烈" in n.props.get("text", "")]
        assert len(remark) == 1
        assert len({r.start for r in store.rels() if r.type == "CONTAINS" and r.end == remark[0]}) == 3


def test_edited_article_replaces_only_its_own_facts(tmp_path):
    paths = write(tmp_path / "news", 3)
    db = tmp_path / "kg.db"
    run(paths, db)
    paths[0].write_text(news(0, edit="和扩大渠道"), encoding="utf-8")
    summary = run(paths, db)
    assert (summary.new, summary.unchanged, summary.changed) == (0, 2, 1)
    run(paths, tmp_path / "fresh.db")
    assert snapshot(db) == snapshot(tmp_path / "fresh.db")


def test_parallel_ingest_builds_the_same_graph(tmp_path):
    paths = write(tmp_path / "news", 6)
    serial, parallel = run(paths, tmp_path / "one.db"), run(paths, tmp_path / "two.db", jobs=2)
    assert serial.counts == parallel.counts and parallel.new == 6
    assert snapshot(tmp_path / "one.db") == snapshot(tmp_path / "two.db")


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    paths = write(tmp_path / "news", 2)
    (tmp_path / "news" / "empty.md").write_bytes(b"")
    (tmp_path / "news" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    heard = []
    summary = run([tmp_path / "news"], tmp_path / "kg.db", on_error=lambda doc, reason: heard.append(doc))
    assert (summary.new, summary.failed) == (2, 2)
    assert sorted(Path(d).name for d in heard) == ["binary.txt", "empty.md"]
    assert summary.counts["Article"] == len(paths)


def test_cli_reports_failures_one_line_each_and_exits_1(tmp_path):
    write(tmp_path / "news", 1)
    (tmp_path / "news" / "empty.md").write_bytes(b"")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "news"), "--store", str(tmp_path / "kg.db"), "-j", "1"])
    assert result.exit_code == 1
    [line] = [l for l in result.stderr.splitlines() if l.startswith("kg: ")]
    assert "empty.md" in line
    assert "1 new, 0 unchanged, 0 changed, 1 failed" in result.stdout


def test_dry_run_predicts_without_writing(tmp_path):
    paths = write(tmp_path / "news", 3)
    db = tmp_path / "kg.db"
    result = CliRunner().invoke(main, ["ingest", *map(str, paths), "--store", str(db), "--dry-run", "-j", "1"])
    assert result.exit_code == 0 and not db.exists()
    assert "3 new, 0 unchanged" in result.stdout
    run(paths[:2], db)
    before = snapshot(db)
    with Store(db) as store:
        dry = ingest(map(str, paths), store, jobs=1, dry_run=True)
    assert (dry.new, dry.unchanged) == (1, 2)
    assert snapshot(db) == before
    assert dry.counts == run(paths, db).counts


def test_ingest_into_something_that_is_not_a_store_fails_in_one_line(tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello " * 500)
    result = CliRunner().invoke(main, ["ingest", str(SAMPLE), "--store", str(bogus)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"kg: {bogus}: not a kg store (file is not a database)"]


def ingest_command(folder: Path, db: Path, jobs: int) -> list[str]:
    """``kg ingest`` as a process of its own, for the tests that kill it."""
    cli = "from pipeline.cli import main; main()"
    return [sys.executable, "-c", cli, "ingest", str(folder), "--store", str(db), "--jobs", str(jobs), "--quiet"]


def test_killed_ingest_resumes_to_the_same_graph_as_an_uninterrupted_run(tmp_path):
    paths = write(tmp_path / "news", 40)
    db = tmp_path / "killed.db"
    command = ingest_command(tmp_path / "news", db, jobs=1)
    proc = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    committed, deadline = 0, time.monotonic() + 300
    while not committed and proc.poll() is None and time.monotonic() < deadline:
        try:
            with Store(db, create=False) as store:
                committed = store.counts().get("Article", 0)
        except StoreError:  # not created yet
            pass
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(db, create=False) as store:
        committed = store.counts()["Article"]
    assert 0 < committed < len(paths), "the ingest was not killed mid-batch"

    resumed = run([tmp_path / "news"], db)
    assert (resumed.unchanged, resumed.new + resumed.changed) == (committed, len(paths) - committed)
    run([tmp_path / "news"], tmp_path / "whole.db")
    assert snapshot(db) == snapshot(tmp_path / "whole.db")


PEOPLE_ARTICLES = sorted((DATA / "graph_articles").glob("*.txt"))  # written for these tests


def persons(db: Path) -> dict[str, list[tuple[str, int]]]:
    """name → (organisation or '', statements said) of each Person of that name."""
    with Store(db, create=False) as store:
        nodes = {n.id: n for n in store.nodes()}
        rels = list(store.rels())
    out: dict[str, list[tuple[str, int]]] = {}
    for id_, n in nodes.items():
        if n.labels[0] == "Person":
            orgs = {nodes[r.end].props["name"] for r in rels if r.type == "HOLDS_POSITION" and r.start == id_}
            said = sum(r.type == "SAID" and r.start == id_ for r in rels)
            out.setdefault(n.props["name"], []).append(("|".join(sorted(orgs)), said))
    return {k: sorted(v) for k, v in out.items()}


def test_two_ingest_orders_give_the_same_graph(tmp_path):
    forward, backward = tmp_path / "forward.db", tmp_path / "backward.db"
    run(PEOPLE_ARTICLES, forward)
    for path in reversed(PEOPLE_ARTICLES):  # one batch each, so every article meets a different store
        run([path], backward)
    assert snapshot(forward) == snapshot(backward)
    shuffled = tmp_path / "shuffled.db"
    run(PEOPLE_ARTICLES[1::2] + PEOPLE_ARTICLES[::2], shuffled)
    assert snapshot(shuffled) == snapshot(forward)


def test_a_name_without_organisation_joins_the_one_person_known_by_it(tmp_path):
    db = tmp_path / "kg.db"
    run(PEOPLE_ARTICLES, db)
    found = persons(db)
    # 王建华 is at 普泰移动 in two articles (two titles) and quoted without a title in a third: one Person
    assert found["王建华"] == [("普泰移动", 4)]
    # 刘志强 is at 长江时代 in one article and at 鹏博士 in another: namesakes, and the untitled mention joins neither
    assert found["刘志强"] == [("", 1), ("长江时代", 1), ("鹏博士", 1)]


def test_a_namesake_arriving_later_undoes_the_join(tmp_path):
    db = tmp_path / "kg.db"
    run(PEOPLE_ARTICLES[:2], db)
    assert persons(db)["刘志强"] == [("长江时代", 2)]
    run(PEOPLE_ARTICLES[2:3], db)
    assert persons(db)["刘志强"] == [("", 1), ("长江时代", 1), ("鹏博士", 1)]


def test_explain_person_shows_the_articles_and_evidence_of_each_merge(tmp_path):
    db = tmp_path / "kg.db"
    run(PEOPLE_ARTICLES, db)
    result = CliRunner().invoke(main, ["explain", "person", "王建华", "--store", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("王建华 (普泰移动) per:") and len(lines) == 5
    assert "2016-03-08  普泰移动发布年轻人套餐: named at 普泰移动 as 副总裁" in lines[1]
    assert "虚商资费再降: named without an organisation" in lines[2]
    assert "普泰移动 is the only organisation known for 王建华" in lines[4]
    result = CliRunner().invoke(main, ["explain", "person", "刘志强", "--store", str(db)])
    assert "not joined: 2 organisations are known for 刘志强 (长江时代、鹏博士)" in result.output
    result = CliRunner().invoke(main, ["explain", "person", "无名氏", "--store", str(db)])
    assert result.exit_code == 1 and "no person named 无名氏" in result.stderr


def test_a_changed_data_file_marks_articles_stale_and_reingest_upgrades_them(tmp_path):
    import shutil

    from pipeline.version import PACKAGE, current, describe

    data = Path(shutil.copytree(PACKAGE / "data", tmp_path / "data"))
    (data / "titles.txt").write_text(
        (data / "titles.txt").read_text(encoding="utf-8") + "首席体验官\n", encoding="utf-8"
    )
    newer = describe(data=data)
    db = tmp_path / "kg.db"
    first = run(PEOPLE_ARTICLES, db)
    assert first.new == len(PEOPLE_ARTICLES)
    before = snapshot(db)
    with Store(db, create=False) as store:
        assert store.stale_articles(current()) == []
        assert len(store.stale_articles(newer)) == len(PEOPLE_ARTICLES)
    again = run(PEOPLE_ARTICLES, db, version=newer)
    assert (again.upgraded, again.unchanged, again.new) == (len(PEOPLE_ARTICLES), 0, 0)
    assert snapshot(db) == before  # the same extraction: node and relationship ids do not move
    with Store(db, create=False) as store:
        assert store.stale_articles(newer) == [] and len(store.stale_articles(current())) == len(PEOPLE_ARTICLES)
    assert run(PEOPLE_ARTICLES, db, version=newer).unchanged == len(PEOPLE_ARTICLES)


def test_ingest_check_counts_the_stale_articles(tmp_path):
    db = tmp_path / "kg.db"
    run(PEOPLE_ARTICLES[:2], db, version="kg 0.0.1 code old data old model old")
    run(PEOPLE_ARTICLES[2:], db)
    result = CliRunner().invoke(main, ["ingest", "--check", "--store", str(db)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{db}: 2 of {len(PEOPLE_ARTICLES)} articles stale")


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
        except OSError:  # gone meanwhile
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_workers_die_with_their_parent_even_when_it_is_killed(tmp_path):
    write(tmp_path / "news", 40)
    command = ingest_command(tmp_path / "news", tmp_path / "kg.db", jobs=2)
    proc = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers, deadline = [], time.monotonic() + 300
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert len(workers) == 2, "the ingest did not start its two workers"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 60
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_alive, workers))


def integrity(db: Path, read_only: bool = False) -> str:
    """SQLite's own check; ``read_only``: through a connection that writes nothing, for read-only media."""
    import sqlite3

    with closing(sqlite3.connect(f"file:{db}?immutable=1", uri=True) if read_only else sqlite3.connect(db)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def kg_ingest(folder: Path, db: Path, limit_bytes: int | None = None) -> subprocess.CompletedProcess:
    """``kg ingest`` in a child process; ``limit_bytes`` caps the size of any file it writes (RLIMIT_FSIZE):
    a write past it fails as on a full disk, without needing a file system to fill."""
    import resource

    def cap() -> None:
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    command = [
        sys.executable,
        "-c",
        "from pipeline.cli import main; main()",
        "ingest",
        str(folder),
        "--store",
        str(db),
        "--jobs",
        "1",
        "--quiet",
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, preexec_fn=cap)


def test_a_full_disk_stops_ingest_in_one_line_and_keeps_what_was_stored(tmp_path):
    write(tmp_path / "first", 2)
    db = tmp_path / "kg.db"
    assert kg_ingest(tmp_path / "first", db).returncode == 0
    before = snapshot(db)
    write(tmp_path / "more", 12, start=2)
    full = kg_ingest(tmp_path / "more", db, limit_bytes=os.path.getsize(db) + 4096)
    assert full.returncode == 1 and "Traceback" not in full.stderr
    [line] = full.stderr.strip().splitlines()
    assert line.startswith(f"kg: {db}: cannot write to the store (") and line.endswith(
        "articles already stored are kept"
    )
    assert integrity(db) == "ok"
    nodes, rels = snapshot(db)
    assert {n[0] for n in before[0]} <= {n[0] for n in nodes} and {r[0] for r in before[1]} <= {r[0] for r in rels}
    # with room again, a rerun completes the batch as if nothing had happened
    assert kg_ingest(tmp_path / "more", db).returncode == 0
    run([tmp_path / "first", tmp_path / "more"], tmp_path / "whole.db")
    assert snapshot(db) == snapshot(tmp_path / "whole.db")


def test_a_read_only_store_is_one_line_and_left_as_it_was(tmp_path, read_only_folder):
    write(tmp_path / "news", 2)
    db = read_only_folder / "kg.db"
    before = digest(db)
    result = kg_ingest(tmp_path / "news", db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"kg: {db}: cannot open the store (") and line.endswith("read-only"), line
    assert digest(db) == before and integrity(db, read_only=True) == "ok"


def test_hostile_files_each_give_one_line_and_the_others_are_stored(tmp_path):
    import json

    from hostile import hostile_files

    expected = hostile_files(tmp_path / "in")
    write(tmp_path / "in", 1)
    (tmp_path / "in" / "surrogate.jsonl").write_text(
        json.dumps({"url": "https://news.example.cn/s", "text": news(5).split("---\n")[-1] + "\ud800"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "kg.db"
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "in"), "--store", str(db), "-j", "1", "--max-bytes", "200000"]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: ")]
    assert len(errors) == len(expected)
    assert f"2 new, 0 unchanged, 0 changed, {len(expected)} failed" in result.stdout
    assert integrity(db) == "ok"


_real_extract_chunk = ingest_module._extract_chunk
_DIE_ON = "KG_TEST_DIE_ON"  # a doc whose worker is SIGKILLed, as the out-of-memory killer would
_DIE_ONCE = "KG_TEST_DIE_ONCE"  # a file: while it is absent, the worker dies (and creates it); else every time


def _dying_chunk(articles):
    """Runs in a worker (forked after the test patched it in): dies over the chunk that holds $KG_TEST_DIE_ON."""
    if any(a.doc.endswith(os.environ[_DIE_ON]) for a in articles):
        once = os.environ.get(_DIE_ONCE)
        if not once or not os.path.exists(once):
            if once:
                Path(once).touch()
            os.kill(os.getpid(), signal.SIGKILL)
    return _real_extract_chunk(articles)


def test_a_killed_worker_is_replaced_in_one_line_and_the_graph_is_whole(tmp_path, monkeypatch):
    write(tmp_path / "news", 40)
    monkeypatch.setattr(ingest_module, "_extract_chunk", _dying_chunk)
    monkeypatch.setenv(_DIE_ON, "017.md")
    monkeypatch.setenv(_DIE_ONCE, str(tmp_path / "died"))
    db = tmp_path / "kg.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "news"), "--store", str(db), "-j", "2", "-q"])
    assert result.exit_code == 0, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("kg: a worker process died (killed, e.g. out of memory) while extracting ")
    assert line.endswith(" more; new workers take them again")
    monkeypatch.undo()
    run([tmp_path / "news"], tmp_path / "whole.db")
    assert snapshot(db) == snapshot(tmp_path / "whole.db")


def test_a_worker_that_dies_again_over_a_chunk_ends_the_run_in_one_line_keeping_what_was_stored(tmp_path, monkeypatch):
    write(tmp_path / "news", 40)
    monkeypatch.setattr(ingest_module, "_extract_chunk", _dying_chunk)
    monkeypatch.setenv(_DIE_ON, "033.md")
    db = tmp_path / "kg.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "news"), "--store", str(db), "-j", "2", "-q"])
    assert result.exit_code == 1
    *restarted, error = result.stderr.splitlines()
    assert len(restarted) == 1 and "new workers take them again" in restarted[0]
    assert error.startswith("kg: a worker process died (killed, e.g. out of memory) while extracting ")
    assert error.endswith(
        f"articles committed to {db} are kept; rerun kg ingest to resume (--jobs 1 needs the least memory)"
    )
    with Store(db, create=False) as store:
        kept = store.counts().get("Article", 0)
    assert 0 < kept < 40  # the chunks before the one that kills are committed
    monkeypatch.undo()
    resumed = run([tmp_path / "news"], db)
    assert (resumed.unchanged, resumed.new) == (kept, 40 - kept)

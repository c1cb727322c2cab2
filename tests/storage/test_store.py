"""The embedded store: idempotent upserts, replacement of an article's own facts, merging across articles."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from graph_samples import launch, regulator

from pipeline.graph import article_graph
from pipeline.records import Extraction
from pipeline.storage.store import Store, StoreError


def snapshot(store: Store) -> tuple[list, list]:
    return (
        [(n.id, n.labels, n.props) for n in store.nodes()],
        [(r.id, r.type, r.start, r.end, r.props) for r in store.rels()],
    )


def filled(path, *extractions) -> Store:
    store = Store(path)
    for x in extractions:
        store.apply(x)
    return store


def edited(x, quote="转售资费会逐步走低"):
    return launch(url=x.article.url, quote=quote)


def test_new_then_unchanged_writes_nothing_the_second_time(tmp_path):
    with Store(tmp_path / "kg.db") as store:
        assert [store.apply(x).status for x in (launch(), regulator())] == ["new", "new"]
        before = snapshot(store), store.counts()
        assert [store.apply(x).status for x in (launch(), regulator())] == ["unchanged", "unchanged"]
        assert (snapshot(store), store.counts()) == before


def test_store_holds_exactly_the_article_graphs(tmp_path):
    with filled(tmp_path / "kg.db", launch()) as store:
        nodes, rels = article_graph(launch())
        assert {n.id for n in store.nodes()} == {n.id for n in nodes}
        assert {r.id for r in store.rels()} == {r.id for r in rels}
        assert {n.id: n.props for n in store.nodes()} == {n.id: n.props for n in nodes}


def test_counts_are_per_label_and_per_type(tmp_path):
    with filled(tmp_path / "kg.db", launch(), regulator()) as store:
        counts = store.counts()
        nodes, rels = list(store.nodes()), list(store.rels())
        assert counts["Article"] == 2 and counts["MVNO"] == 2
        assert counts["Organization"] == sum(n.labels[0] == "Organization" for n in nodes)
        assert sum(counts[t] for t in {r.type for r in rels}) == len(rels) == store.totals()[1]
        assert len(nodes) == store.totals()[0]


def test_edited_article_replaces_only_its_own_facts(tmp_path):
    x, other = launch(), regulator()
    with filled(tmp_path / "a.db", x, other) as store, filled(tmp_path / "b.db", edited(x), other) as fresh:
        old_quote = {n.id for n in store.nodes() if n.props.get("text") == "虚拟运营商的用户增长超出了预期"}
        change = store.apply(edited(x))
        assert change.status == "changed" and change.nodes_removed == len(old_quote) == 1
        assert snapshot(store) == snapshot(fresh)
        assert not old_quote & {n.id for n in store.nodes()}
        assert store.counts()["Article"] == 2


def test_replacing_keeps_nodes_another_article_still_owns(tmp_path):
    x = launch()
    twin = launch(url="https://mirror.example.cn/3")  # republishes the same quote
    with filled(tmp_path / "kg.db", x, twin) as store:
        shared = {n.id for n in store.nodes() if n.props.get("text") == "虚拟运营商的用户增长超出了预期"}
        assert store.apply(edited(x)).status == "changed"
        assert shared <= {n.id for n in store.nodes()}


def test_statement_republished_by_two_outlets_is_one_node_in_two_articles(tmp_path):
    with filled(tmp_path / "kg.db", launch(), launch(url="https://mirror.example.cn/3")) as store:
        nodes = {n.id: n for n in store.nodes()}
        [quote] = [i for i, n in nodes.items() if n.props.get("text") == "虚拟运营商的用户增长超出了预期"]
        containers = {r.start for r in store.rels() if r.type == "CONTAINS" and r.end == quote}
        assert len(containers) == 2 and all(nodes[c].labels == ("Article",) for c in containers)


def test_organisation_under_two_aliases_is_one_node_with_both(tmp_path):
    with filled(
        tmp_path / "kg.db", launch(alias="蓝海"), launch(url="https://x.example.cn/4", alias="蓝海移动公司")
    ) as store:
        [org] = [n for n in store.nodes() if "MVNO" in n.labels]
        assert org.props["name"] == "蓝海移动" and org.props["aliases"] == "蓝海|蓝海移动公司"


def test_merged_properties_do_not_depend_on_ingest_order(tmp_path):
    a, b = launch(alias="蓝海"), launch(url="https://mirror.example.cn/3", alias="蓝海移动公司")
    with filled(tmp_path / "ab.db", a, b) as ab, filled(tmp_path / "ba.db", b, a) as ba:
        assert snapshot(ab) == snapshot(ba)


def test_label_follows_the_articles_that_still_own_the_node(tmp_path):
    x = launch()
    demoted = replace(
        x,
        article=replace(x.article, text=x.article.text + " "),
        entities=[replace(e, mvno=False) if e.mvno else e for e in x.entities],
    )
    with filled(tmp_path / "kg.db", x) as store:
        assert store.counts()["MVNO"] == 1
        store.apply(demoted)
        assert store.counts().get("MVNO", 0) == 0


def test_store_survives_reopening(tmp_path):
    with filled(tmp_path / "kg.db", launch(), regulator()) as store:
        before = snapshot(store)
    with Store(tmp_path / "kg.db", create=False) as store:
        assert snapshot(store) == before
        assert store.apply(launch()).status == "unchanged"


def test_rehearsal_reports_but_rolls_back(tmp_path):
    with filled(tmp_path / "kg.db", launch()) as store:
        before = snapshot(store)
        with store.rehearsal():
            assert store.apply(edited(launch())).status == "changed"
            assert store.apply(regulator()).status == "new"
            assert store.apply(regulator()).status == "unchanged"  # rehearsed articles see each other
            assert store.counts()["Article"] == 2
        assert snapshot(store) == before
        assert store.article_status("https://news.example.cn/mvno/2", "x") == "new"


def test_failed_article_leaves_nothing_behind(tmp_path, monkeypatch):
    broken = launch(url="https://news.example.cn/broken")
    broken.statements[0].about = [None]  # an organisation without a name cannot be stored
    with filled(tmp_path / "kg.db", regulator()) as store:
        before = snapshot(store)
        with pytest.raises(TypeError):
            store.apply(broken)
        assert snapshot(store) == before
        assert store.article_status("https://news.example.cn/broken", "") == "new"

        def failing(self, aid, rel):
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(Store, "_add_rel", failing)  # the article's row and nodes are written, then this fails
        with pytest.raises(StoreError, match=r"cannot write to the store \(disk I/O error\)"):
            store.apply(launch(url="https://news.example.cn/broken"))
        assert snapshot(store) == before
        assert store.article_status("https://news.example.cn/broken", "") == "new"


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: p.write_text("not a database at all, just text " * 100), "not a kg store"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)"), "not a kg store"),
    ],
)
def test_what_is_not_a_store_says_so_in_one_line(tmp_path, make, reason):
    path = tmp_path / "kg.db"
    make(path)
    with pytest.raises(StoreError) as e:
        Store(path)
    assert reason in str(e.value) and str(path) in str(e.value) and "\n" not in str(e.value)


def test_reading_a_missing_store_does_not_create_it(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "kg.db", create=False)
    assert not (tmp_path / "kg.db").exists()


def test_a_store_of_the_first_schema_is_upgraded_and_its_articles_read_as_stale(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE articles (id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, doc TEXT NOT NULL);
        CREATE TABLE nodes (id TEXT PRIMARY KEY, labels TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE rels (id TEXT PRIMARY KEY, type TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL);
        CREATE TABLE node_owners (node_id TEXT NOT NULL, article_id TEXT NOT NULL, props TEXT NOT NULL,
                                  labels TEXT NOT NULL, PRIMARY KEY (node_id, article_id)) WITHOUT ROWID;
        CREATE TABLE rel_owners (rel_id TEXT NOT NULL, article_id TEXT NOT NULL, props TEXT NOT NULL,
                                 PRIMARY KEY (rel_id, article_id)) WITHOUT ROWID;
        INSERT INTO meta VALUES ('schema', 'kg-store/1');
        INSERT INTO articles VALUES ('art:1', 'https://news.example.cn/mvno/1', 'x', 'a.md');
    """)
    db.close()
    x = launch()
    with Store(path) as store:
        assert store.stale_articles("v2") == ["https://news.example.cn/mvno/1"]
        assert store.apply(x, "v2").status == "changed"
        assert store.stale_articles("v2") == [] and store.apply(x, "v2").status == "unchanged"


def users_report(url: str, users: str, value: float, period: str = "截至2015年底，") -> Extraction:
    from graph_samples import article, entity, figure

    a = article(url, f"{period}蓝海移动用户已经超过{users}。")
    return Extraction(
        a, entities=[entity(a, "蓝海移动", "COMPANY", mvno=True)], figures=[figure(a, users, value, "户", "蓝海移动")]
    )


def test_figures_on_one_subject_metric_and_period_that_differ_across_articles_are_flagged(tmp_path):
    with filled(
        tmp_path / "kg.db",
        users_report("https://a.example.cn/1", "50万户", 500000),
        users_report("https://b.example.cn/2", "60万户", 600000),
    ) as store:
        [group] = store.disputes()
        figures = {n.id: n.props for n in store.nodes() if n.labels[0] == "Figure"}
        assert set(group) == set(figures) and len(group) == 2
        assert all(
            p["disputed"] is True and p["metric"] == "用户" and p["period"] == "as of 2015-12-31"
            for p in figures.values()
        )


def test_figures_that_agree_or_measure_other_periods_are_not_flagged(tmp_path):
    with filled(
        tmp_path / "kg.db",
        users_report("https://a.example.cn/1", "50万户", 500000),
        users_report("https://b.example.cn/2", "50万户", 500000),
        users_report("https://c.example.cn/3", "60万户", 600000, period="截至2016年6月底，"),
        users_report("https://d.example.cn/4", "70万户", 700000, period=""),
    ) as store:
        assert store.disputes() == []
        assert not [n for n in store.nodes() if n.props.get("disputed")]


def test_the_change_log_names_what_an_edit_gained_and_lost(tmp_path):
    x, other = launch(), regulator()
    with filled(tmp_path / "kg.db", x, other) as store:
        seq = store.last_change()
        before_nodes = {n.id: n.labels[0] for n in store.nodes()}
        before_rels = {r.id: r for r in store.rels()}
        assert store.identity() and list(store.changes_since(seq)) == []
        store.apply(edited(x))
        changed = {
            id_: (kind, label, start, start_label) for kind, id_, label, start, start_label in store.changes_since(seq)
        }
        after_nodes, after_rels = {n.id for n in store.nodes()}, {r.id for r in store.rels()}
        new_nodes, new_rels = article_graph(edited(x))
        assert {n.id for n in new_nodes} | {r.id for r in new_rels} <= changed.keys()
        for id_ in before_nodes.keys() - after_nodes:  # gone: its label, to find it in Neo4j
            assert changed[id_] == ("node", before_nodes[id_], None, None)
        for id_ in before_rels.keys() - after_rels:
            r = before_rels[id_]
            assert changed[id_] == ("rel", r.type, r.start, before_nodes[r.start])
        assert before_nodes.keys() - after_nodes and before_rels.keys() - after_rels
        assert store.last_change() > seq


def _open_at_once(path, barrier, results) -> None:
    barrier.wait()
    try:
        Store(path).close()
        results.put(None)
    except StoreError as e:
        results.put(str(e))


def test_processes_creating_one_new_store_at_the_same_instant_all_succeed(tmp_path):
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    errors = []
    for round_ in range(15):
        path, barrier, results = tmp_path / f"kg{round_}.db", ctx.Barrier(3), ctx.Queue()
        procs = [ctx.Process(target=_open_at_once, args=(path, barrier, results)) for _ in range(3)]
        for p in procs:
            p.start()
        errors += [e for e in (results.get(timeout=60) for _ in procs) if e]
        for p in procs:
            p.join()
        with Store(path, create=False) as store:
            assert store.totals() == (0, 0)
            assert store._db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert errors == []


def test_a_failed_write_rolls_the_article_back_and_says_so_in_one_line(tmp_path):
    """SQLite's own page limit makes a write fail as a full disk does (SQLITE_FULL); kg ingest meets a
    real full disk in tests/apps/test_ingest.py."""
    with filled(tmp_path / "kg.db", regulator()) as store:
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages}")
        stored = 1
        with pytest.raises(StoreError) as e:
            for i in range(1000):
                before = snapshot(store)
                store.apply(launch(url=f"https://news.example.cn/full/{i}", quote=f"第{i}条评论：资费还会下调"))
                stored += 1
        assert "database or disk is full" in str(e.value) and "\n" not in str(e.value)
        assert snapshot(store) == before and not store._db.in_transaction
        assert store.counts()["Article"] == stored
        assert store._db.execute("PRAGMA integrity_check").fetchone() == ("ok",)

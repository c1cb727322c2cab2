"""``kg ingest`` as an Apache Spark job: articles in, the graph's rows out as Parquet, with the store's ids.

The job (``run``):

1. lists the inputs: local files, folders and globs on the driver, named as ``kg ingest`` names them
   (``read.files``); URIs Spark resolves (hdfs://, s3a://, file:/) and Parquet tables of articles through Spark;
2. reads each file on the workers (``read.read_file`` / ``read_data``); a key (url, else doc) given twice
   with other content keeps the first in input order, as ``kg ingest`` does;
3. extracts, in ``mapPartitions``, only the articles that are new or changed since the last run into the same
   folder (their sha256 and ``version.current()`` decide), with ``extract.extract_batched``, the lexicon and the
   NER model loaded once per Python worker; the other articles' rows are taken over from the last run;
4. resolves across articles with the store's rules: who each untitled name is (``graph.employers`` over every
   article's people gives ``graph.article_graph``'s ``known``; an article whose ``known`` changed, kept from the
   last run or not, gets its graph again from its stored extraction); the articles' rows (the store's node and
   relationship owners) grouped by id over the whole batch merge in article-id order with the store's own
   functions; Figures that other articles contradict (``graph.figure_claim`` / ``contradicted``) read
   ``disputed: true``. So the nodes and relationships are the store's whichever engine built them, in any order;
5. writes the tables as a new generation beside the old one and swaps it in (nothing when nothing changed).

Tables under the output folder: ``articles`` (id, key, doc, sha256, version, known: the JSON map its rows were
derived with), ``extractions`` (the ``kg extract`` JSON and the ``codec`` record), ``people`` and ``bare_people``
(the store's tables of the same names), ``node_owners`` and ``rel_owners`` (each article's rows), ``nodes``
(partitioned by primary label) and ``rels`` (by type) with their merged properties as JSON, and ``errors``
(doc, reason).
"""

from __future__ import annotations

import functools
import json
import pickle
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyspark import RDD
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, BinaryType, LongType, StringType, StructField, StructType

from pipeline import graph
from pipeline.apps.ingest import key_conflict
from pipeline.apps.spark_session import exists, has_scheme, location, replace
from pipeline.graph import Claim, article_graph, article_id, article_key, article_sha
from pipeline.messages import quoted
from pipeline.read.articles import EXTENSIONS, files, read_data, read_file, record_article
from pipeline.records import Article, Extraction, InputError
from pipeline.storage import codec
from pipeline.storage.merge import (  # the store's merge rules, so both engines merge alike
    dump,
    labels_of,
    merged,
    union,
)
from pipeline.version import current

NEXT = "_kg_next"  # the generation being written; Spark's readers skip names starting with "_"
PARQUET = ".parquet"  # an input ending so is a table of articles (a ``text`` column plus metadata)
MAX_ROWS_PER_FILE = 1_000_000
_TASKS_PER_CORE = 4  # extraction tasks per core: an article-heavy task does not leave the other cores idle


def _schema(*names: str, **types: Any) -> StructType:
    return StructType([StructField(n, types.get(n, StringType())) for n in names])


READ = _schema(
    "ordinal", "doc", "reason", "id", "key", "sha256", "payload", ordinal=ArrayType(LongType()), payload=BinaryType()
)
OWNED_NODE = _schema("id", "labels", "props")
OWNED_REL = _schema("id", "type", "start", "end", "props")
PLACED = _schema("name", "org")
EXTRACTED = _schema(
    "id",
    "key",
    "doc",
    "sha256",
    "extraction",
    "record",
    "placed",
    "bare",
    "nodes",
    "rels",
    "reason",
    placed=ArrayType(PLACED),
    bare=ArrayType(StringType()),
    nodes=ArrayType(OWNED_NODE),
    rels=ArrayType(OWNED_REL),
)
NODES = _schema("id", "labels", "props", "label")
RELS = _schema("id", "start", "end", "props", "type")
ERRORS = _schema("doc", "reason")
TABLES = ("articles", "extractions", "people", "bare_people", "node_owners", "rel_owners", "nodes", "rels", "errors")
SCHEMAS = {
    "articles": _schema("id", "key", "doc", "sha256", "version", "known"),
    "extractions": _schema("id", "doc", "extraction", "record"),
    "people": _schema("article_id", "name", "org"),
    "bare_people": _schema("article_id", "name"),
    "node_owners": _schema("node_id", "article_id", "labels", "props"),
    "rel_owners": _schema("rel_id", "article_id", "type", "start", "end", "props"),
    "nodes": NODES,
    "rels": RELS,
    "errors": ERRORS,
}  # read with them, an empty table reads back too


@dataclass
class Summary:
    """What a run did; ``written`` is False when nothing had changed since the last run."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0  # articles of the last run that the input no longer has
    nodes: int = 0
    rels: int = 0
    written: bool = True
    errors: list[tuple[str, str]] = field(default_factory=list)  # (doc, reason), in doc order
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each step (STEPS), for sizing a cluster

    def lines(self, out: str) -> list[str]:
        """The closing report, as printed by ``kg spark-ingest``."""
        what = f"written to {quoted(out)}" if self.written else f"nothing changed, {quoted(out)} left as it was"
        return [
            (
                f"articles {self.new} new, {self.unchanged} unchanged, {self.changed} changed,"
                f" {self.removed} removed, {len(self.errors)} failed"
            ),
            f"graph: {self.nodes} nodes, {self.rels} relationships; {what}",
            "seconds: " + ", ".join(f"{step} {t:.1f}" for step, t in self.seconds.items()),
        ]

    def step(self, name: str, start: float) -> float:
        """Records the step that began at ``start`` (``time.perf_counter()``); returns the time it ended."""
        now = time.perf_counter()
        self.seconds[name] = now - start
        return now


@functools.cache
def _models() -> None:
    """Once per Python worker (Spark reuses them across tasks): the lexicon and the NER model."""
    import gc

    from pipeline import ner
    from pipeline.language import lexicon

    lexicon.load()
    ner.load()
    gc.freeze()  # the models' objects are for good: no collection walks them again (pyspark's shuffles collect)


def _read_row(ordinal: Iterable[int], item: Article | InputError) -> tuple[Any, ...]:
    if isinstance(item, InputError):
        return list(ordinal), item.doc, item.reason, None, None, None, None
    key = article_key(item)
    return list(ordinal), item.doc, None, article_id(key), key, article_sha(item), pickle.dumps(item)


def _read_local(source: tuple[list[int], str, str]) -> Iterator[tuple[Any, ...]]:
    ordinal, doc, path = source
    for k, item in enumerate(read_file(path, doc=doc)):
        yield _read_row([*ordinal, k], item)


def _read_bytes(ordinal: list[int], doc: str, data: bytes) -> Iterator[tuple[Any, ...]]:
    for k, item in enumerate(read_data(doc, data)):
        yield _read_row([*ordinal, k], item)


def _wanted(uri: str) -> bool:
    """A file kg reads in a folder Spark lists: a known extension, no hidden part below the folder."""
    name = uri.rsplit("/", 1)[-1]
    return Path(name).suffix.lower() in EXTENSIONS and not name.startswith((".", "_"))


def _read_inputs(spark: SparkSession, inputs: list[str]) -> DataFrame:
    """Every article and unreadable document under ``inputs`` (READ rows), ordered by ``ordinal``:
    local paths first, in kg ingest's order, then each URI and table in the order given."""
    sc = spark.sparkContext
    local = [p for p in inputs if not has_scheme(p) and not p.rstrip("/").endswith(PARQUET)]
    parts: list[RDD] = []
    sources: list[tuple[list[int], str, str]] = []
    errors: list[tuple[Any, ...]] = []
    for j, file in enumerate(files(local)):
        if isinstance(file, InputError):
            errors.append(_read_row([0, j], file))
        else:
            sources.append(([0, j], file, location(file)))
    if sources:
        parts.append(
            sc.parallelize(sources, min(len(sources), sc.defaultParallelism * _TASKS_PER_CORE)).flatMap(_read_local)
        )
    for i, path in enumerate((p for p in inputs if p not in local), 1):
        try:
            if path.rstrip("/").endswith(PARQUET):
                parts.append(_table_rows(spark, i, path))
            else:
                parts.append(_listed_rows(spark, i, path))
        except Exception as e:  # noqa: BLE001 - Spark's AnalysisException and Py4J errors: one line, batch goes on
            errors.append(_read_row([i, 0], InputError(path, _reason(e))))
    if errors:
        parts.append(sc.parallelize(errors, 1))
    return spark.createDataFrame(sc.union(parts) if parts else sc.emptyRDD(), READ)


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return "no such file" if "PATH_NOT_FOUND" in text or "does not exist" in text else f"cannot read: {text[:200]}"


def _listed_rows(spark: SparkSession, i: int, uri: str) -> RDD:
    """The files Spark lists at ``uri`` (a file or a folder, recursively), by path."""
    listed = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .load(uri)
        .select("path", "content")
        .rdd.filter(lambda r: _wanted(r.path))
    )
    return (
        listed.map(lambda r: (r.path, bytes(r.content)))
        .sortByKey()
        .zipWithIndex()
        .flatMap(lambda item: _read_bytes([i, item[1]], item[0][0], item[0][1]))
    )


def _table_rows(spark: SparkSession, i: int, path: str) -> RDD:
    """A Parquet table's rows as articles, named ``PATH#id`` (an ``id`` column) or ``PATH:ROW``."""
    table = spark.read.parquet(location(path))
    return table.rdd.zipWithIndex().map(
        lambda item: _read_row(
            [i, item[1]], record_article(path, f"{path}:{item[1] + 1}", item[0].asDict(recursive=True))
        )
    )


def _extract_partition(payloads: Iterable[bytes]) -> Iterator[tuple[Any, ...]]:
    """EXTRACTED rows: each article's extraction and its graph as the store's owner rows."""
    from pipeline.extract import extract_batched

    _models()
    for article, result in extract_batched(pickle.loads(p) for p in payloads):
        assert isinstance(article, Article)
        key = article_key(article)
        head = (article_id(key), key, article.doc, article_sha(article))
        if isinstance(result, InputError):
            yield *head, None, None, [], [], [], [], result.reason
            continue
        found = graph.people(result)
        yield (
            *head,
            json.dumps(result.to_json(), ensure_ascii=False),
            codec.dumps(result),
            sorted(found.employer.items()),
            sorted(found.bare),
            *_owned(result, {}),
            None,
        )


def _owned(extraction: Extraction, known: dict[str, str]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """An article's graph as its owner rows (OWNED_NODE, OWNED_REL), ``known`` as ``graph.article_graph`` takes it."""
    nodes, rels = article_graph(extraction, known)
    return (
        [(n.id, ":".join(n.labels), dump(n.props)) for n in nodes],
        [(r.id, r.type, r.start, r.end, dump(r.props)) for r in rels],
    )


def _rederived(item: tuple[str, tuple[str, str]]) -> tuple[str, list[tuple[str, ...]], list[tuple[str, ...]]]:
    """(article id, node rows, rel rows) of a stored article's graph, again with the ``known`` it now gets."""
    aid, (record, known) = item
    return aid, *_owned(codec.loads(record), json.loads(known))


def _merged_node(item: tuple[str, tuple[Iterable[tuple[str, str, str]], bool | None]]) -> tuple[str, str, str, str]:
    """A node from its owners' (article_id, labels, props) and whether it is disputed, as ``Store.nodes()`` reads it."""
    id_, (owners, disputed) = item
    ordered = sorted(owners)
    labels = union(*(labels_of(labels) for _, labels, _ in ordered))
    props = merged(props for _, _, props in ordered)
    if disputed:
        props["disputed"] = True
    return id_, labels, _as_read(props), labels.split(":")[0]


def _as_read(props: dict[str, Any]) -> str:
    """Merged properties in the order ``Store.nodes()`` / ``rels()`` give them (GraphML declares keys so)."""
    return json.dumps(props, ensure_ascii=False)


def _merged_rel(item: tuple[str, Iterable[tuple[str, str, str, str, str]]]) -> tuple[str, str, str, str, str]:
    """A relationship from its owners' (article_id, type, start, end, props), as ``Store.rels()`` reads it."""
    id_, owners = item
    ordered = sorted(owners)
    _, type_, start, end, _ = ordered[0]
    return id_, start, end, _as_read(merged(o[4] for o in ordered)), type_


def _resolved(spark: SparkSession, tables: dict[str, DataFrame]) -> dict[str, DataFrame]:
    """The cross-article step, with the store's rules (``graph.employers``, ``graph.article_graph``'s ``known``,
    ``graph.figure_claim`` / ``contradicted``): the articles whose ``known`` changed get their graph again, then
    every node and relationship is merged over the articles that own it and contradicted Figures are disputed."""
    shuffle = int(spark.conf.get("spark.sql.shuffle.partitions") or 200)  # Python's shuffles as the tables' do
    placed = (
        tables["people"]
        .rdd.map(lambda r: (r.name, r.org))
        .groupByKey(shuffle)
        .flatMap(lambda item: graph.employers((item[0], org) for org in item[1]).items())
    )
    known = (
        tables["bare_people"]
        .rdd.map(lambda r: (r.name, r.article_id))
        .join(placed, shuffle)
        .map(lambda item: (item[1][0], (item[0], item[1][1])))
        .groupByKey(shuffle)
        .map(lambda item: (item[0], dump(dict(item[1]))))
    )
    articles = (
        tables["articles"]
        .join(spark.createDataFrame(known, _schema("id", "now")), "id", "left")
        .withColumn("now", F.coalesce("now", F.lit("{}")))
        .persist()
    )
    redo = (
        articles.where("known != now")
        .join(tables["extractions"], "id")
        .select("id", "record", "now")
        .rdd.map(lambda r: (r.id, (r.record, r.now)))
        .map(_rederived)
    )
    rederived = spark.createDataFrame(
        redo, _schema("article_id", "nodes", "rels", nodes=ArrayType(OWNED_NODE), rels=ArrayType(OWNED_REL))
    ).persist()
    out = dict(tables, articles=articles.withColumn("known", F.col("now")).drop("now"))
    for name, column, owned in (("node_owners", "nodes", OWNED_NODE), ("rel_owners", "rels", OWNED_REL)):
        fresh = rederived.select(F.explode(column).alias("o"), "article_id").select(
            F.col("o.id").alias(name.replace("_owners", "_id")),
            "article_id",
            *(F.col(f"o.{f.name}").alias(f.name) for f in owned.fields[1:]),
        )
        kept = tables[name].join(rederived.select("article_id"), "article_id", "left_anti")
        out[name] = kept.unionByName(fresh)

    subjects = out["rel_owners"].where("type = 'MEASURES'").select("start", "end").distinct().rdd.map(tuple)
    disputed = (
        out["node_owners"]
        .where("labels = 'Figure'")
        .rdd.map(lambda r: (r.node_id, (r.article_id, json.loads(r.props))))
        .join(subjects, shuffle)
        .flatMap(_claim)
        .groupByKey(shuffle)
        .filter(lambda group: graph.contradicted(group[1]))
        .flatMap(lambda group: {fid for fid, _, _ in group[1]})
        .distinct(shuffle)
        .map(lambda fid: (fid, True))
    )
    nodes = (
        out["node_owners"]
        .rdd.map(lambda r: (r.node_id, (r.article_id, r.labels, r.props)))
        .groupByKey(shuffle)
        .leftOuterJoin(disputed, shuffle)
        .map(_merged_node)
    )
    rels = (
        out["rel_owners"]
        .rdd.map(lambda r: (r.rel_id, (r.article_id, r.type, r.start, r.end, r.props)))
        .groupByKey(shuffle)
        .map(_merged_rel)
    )
    out["nodes"], out["rels"] = spark.createDataFrame(nodes, NODES), spark.createDataFrame(rels, RELS)
    return out


def _claim(item: tuple[str, tuple[tuple[str, dict[str, Any]], str]]) -> list[tuple[tuple[str, str, str], Claim]]:
    """One article's Figure, (figure id, ((article id, props), subject)), as the claim it makes, if any."""
    fid, ((aid, props), subject) = item
    claim = graph.figure_claim(fid, aid, props, subject)
    return [claim] if claim else []


def _table(spark: SparkSession, folder: str, name: str) -> DataFrame:
    return spark.read.schema(SCHEMAS[name]).parquet(f"{folder}/{name}")


def _last_run(spark: SparkSession, out: str) -> dict[str, DataFrame] | None:
    if not all(exists(spark, f"{out}/{t}") for t in TABLES):
        return None
    return {t: _table(spark, out, t) for t in TABLES}


def run(spark: SparkSession, inputs: Iterable[str], out: str) -> Summary:
    """Build the graph of the articles under ``inputs`` into the folder ``out`` (module docstring)."""
    start = time.perf_counter()
    out = location(out).rstrip("/")
    version = current()
    read = _read_inputs(spark, list(inputs)).persist()
    errors = [(r.doc, r.reason) for r in read.where("reason IS NOT NULL").select("doc", "reason").collect()]

    by_key = Window.partitionBy("key").orderBy("ordinal")
    ranked = (
        read.where("reason IS NULL")
        .withColumn("rank", F.row_number().over(by_key))
        .withColumn("first_doc", F.first("doc").over(by_key))
        .withColumn("first_sha", F.first("sha256").over(by_key))
    )
    errors += [
        (r.doc, key_conflict(r.first_doc))
        for r in ranked.where("rank > 1 AND sha256 != first_sha").select("doc", "first_doc").collect()
    ]
    unique = ranked.where("rank = 1").select("id", "key", "doc", "sha256", "payload")

    last = _last_run(spark, out)
    if last is None:
        triaged = unique.withColumn("status", F.lit("new"))
    else:
        old = last["articles"].select("id", F.col("sha256").alias("old_sha"), F.col("version").alias("old_version"))
        triaged = unique.join(old, "id", "left").withColumn(
            "status",
            F.expr(
                f"CASE WHEN old_sha IS NULL THEN 'new' WHEN old_sha = sha256 AND old_version = '{version}' "
                "THEN 'unchanged' ELSE 'changed' END"
            ),
        )
    triaged = triaged.persist()
    status = {r.status: r[1] for r in triaged.groupBy("status").count().collect()}
    summary = Summary(new=status.get("new", 0), changed=status.get("changed", 0), unchanged=status.get("unchanged", 0))
    start = summary.step("read", start)

    tasks = max(1, min(summary.new + summary.changed, spark.sparkContext.defaultParallelism * _TASKS_PER_CORE))
    todo = (  # round robin by article (RDD.repartition deals batches of ten), in the same Python step as extraction
        triaged.where("status != 'unchanged'").select("payload").repartition(tasks).rdd.map(lambda r: bytes(r.payload))
    )
    extracted = spark.createDataFrame(todo.mapPartitions(_extract_partition), EXTRACTED).persist()
    errors += [(r.doc, r.reason) for r in extracted.where("reason IS NOT NULL").select("doc", "reason").collect()]
    summary.errors = sorted(errors)
    done = extracted.where("reason IS NULL")
    start = summary.step("extract", start)

    if last is not None:
        summary.removed = last["articles"].count() - summary.unchanged - summary.changed
        old_errors = sorted((r.doc, r.reason) for r in last["errors"].collect())
        if summary.new == summary.changed == summary.removed == 0 and old_errors == summary.errors:
            summary.written = False
            summary.nodes, summary.rels = last["nodes"].count(), last["rels"].count()
            _release(read, triaged, extracted)
            summary.step("compare", start)
            return summary

    # the last run's rows of unchanged articles, and of changed ones whose new text fails: nothing is lost
    kept = triaged.where("status = 'unchanged'").select("id").union(extracted.where("reason IS NOT NULL").select("id"))
    tables = {
        "articles": done.select(
            "id", "key", "doc", "sha256", F.lit(version).alias("version"), F.lit("{}").alias("known")
        ),  # the owner rows below: article_graph without known
        "extractions": done.select("id", "doc", "extraction", "record"),
        "people": done.select(F.col("id").alias("article_id"), F.explode("placed").alias("p")).select(
            "article_id", "p.name", "p.org"
        ),
        "bare_people": done.select(F.col("id").alias("article_id"), F.explode("bare").alias("name")),
        "node_owners": done.select(F.explode("nodes").alias("n"), F.col("id").alias("article_id")).select(
            F.col("n.id").alias("node_id"), "article_id", "n.labels", "n.props"
        ),
        "rel_owners": done.select(F.explode("rels").alias("r"), F.col("id").alias("article_id")).select(
            F.col("r.id").alias("rel_id"), "article_id", "r.type", "r.start", "r.end", "r.props"
        ),
    }
    if last is not None:
        for name, column in (
            ("articles", "id"),
            ("extractions", "id"),
            ("people", "article_id"),
            ("bare_people", "article_id"),
            ("node_owners", "article_id"),
            ("rel_owners", "article_id"),
        ):
            reused = last[name].join(kept.withColumnRenamed("id", column), column, "left_semi")
            tables[name] = tables[name].unionByName(reused)
    tables = _resolved(spark, tables)
    tables["errors"] = spark.createDataFrame(summary.errors, ERRORS)

    _write(tables, f"{out}/{NEXT}")
    for name in TABLES:
        replace(spark, f"{out}/{NEXT}/{name}", f"{out}/{name}")
    summary.nodes, summary.rels = (_table(spark, out, t).count() for t in ("nodes", "rels"))
    _release(read, triaged, extracted)
    summary.step("resolve and write", start)
    return summary


def _write(tables: dict[str, DataFrame], folder: str) -> None:
    """Each table in Parquet under ``folder``: nodes by label and relationships by type, rows by id."""
    partitions = {"nodes": "label", "rels": "type"}
    for name, df in tables.items():
        column = partitions.get(name)
        if column:
            df = df.repartition(column)
        writer = df.sortWithinPartitions(df.columns[0]).write.mode("overwrite")
        writer = writer.option("maxRecordsPerFile", MAX_ROWS_PER_FILE)
        (writer.partitionBy(column) if column else writer).parquet(f"{folder}/{name}")


def _release(*frames: DataFrame) -> None:
    for df in frames:
        df.unpersist()

"""The `kg` command line: a thin layer over the library."""

from __future__ import annotations

import os
from collections.abc import Callable

import click

from pipeline import __version__
from pipeline.errors import KgFailure
from pipeline.messages import quoted, redacted


class KgError(click.ClickException):
    """An error the user can act on: one line ``kg: reason`` on stderr, exit status 1, no traceback;
    a password in a URI it names is masked."""

    def show(self, file: object = None) -> None:
        click.echo(f"kg: {redacted(self.format_message())}", err=True)


class HereOption(click.Option):
    """An option whose help shows the default it takes here and now: its environment variable's value
    when that is set, else what ``resolve`` gives (a default read from the environment elsewhere),
    else its own; so `--help` answers "which store, which server would this use?"."""

    def __init__(self, *args, resolve: Callable[[], str] | None = None, **kwargs):
        super().__init__(*args, **{**kwargs, "show_default": True})
        self.resolve = resolve

    def get_help_extra(self, ctx: click.Context):
        extra = super().get_help_extra(ctx)
        value = os.environ.get(self.envvar) if isinstance(self.envvar, str) else None
        if value:
            extra["default"] = f"{value} (from {self.envvar})"
        elif self.resolve is not None:
            extra["default"] = self.resolve()
        return extra


def neo4j_default(field: str) -> Callable[[], str]:
    """What a Neo4j option defaults to now (NEO4J_* variables read as kg reads them), for its help."""

    def resolve() -> str:
        from pipeline.graphdb.push import Neo4jConfig

        return str(getattr(Neo4jConfig.from_env(), field))

    return resolve


class KgGroup(click.Group):
    """Translates the library's errors (``KgFailure``) into ``KgError``, once for every command."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KgFailure as e:
            raise KgError(str(e)) from None


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: who said what about which company, from Chinese industry news."""


def max_bytes_option(command):
    """``--max-bytes N`` for the commands that read articles."""
    from pipeline.read.articles import MAX_BYTES

    return click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=MAX_BYTES,
        show_default=True,
        metavar="N",
        help="Refuse files larger than this (they cost time and memory).",
    )(command)


def check_ner_model() -> None:
    """For the commands that run the NER: a KG_NER_MODEL that names no model,
    or a model whose memory (known_names.tsv) is damaged, stops them here, in
    one line, rather than failing every article."""
    from pipeline.ner import known, model_dir

    try:
        known.read(model_dir())
    except (FileNotFoundError, ValueError) as e:
        raise KgError(str(e)) from e


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True)
@click.option("--lines", "lines_file", metavar="FILE", help="Treat each line of FILE as its own document.")
@max_bytes_option
def extract(paths: tuple[str, ...], fmt: str, lines_file: str | None, max_bytes: int) -> None:
    """Who said what about which company, in the articles under PATH... (files, folders, globs;
    - reads standard input: one article, or JSON Lines when it starts with {)."""
    import sys
    from typing import cast

    from pipeline.extract import extract_batched
    from pipeline.outputs.extraction import WRITERS
    from pipeline.read.articles import read_lines, read_paths
    from pipeline.records import Article, Extraction, InputError

    if bool(paths) == bool(lines_file):
        raise click.UsageError("give either PATH... or --lines FILE")
    check_ner_model()
    failed = 0

    def results():
        nonlocal failed
        if lines_file:  # one object per line, in order, even for a line that fails
            try:
                for article, x in extract_batched(read_lines(lines_file, max_bytes), sentence_mode=True):
                    if isinstance(x, InputError):
                        failed += 1
                        click.echo(f"kg: {x}", err=True)
                        x = Extraction(cast(Article, article))  # read_lines gives articles only
                    yield x
            except InputError as err:
                failed += 1
                click.echo(f"kg: {err}", err=True)
            return
        for _, item in extract_batched(read_paths(paths, max_bytes)):
            if isinstance(item, InputError):
                failed += 1
                click.echo(f"kg: {item}", err=True)
            else:
                yield item

    WRITERS[fmt](results(), sys.stdout)
    raise SystemExit(1 if failed else 0)


def store_option(command):
    """``--store FILE`` for every command that reads or writes the embedded store."""
    return click.option(
        "--store",
        "store_path",
        cls=HereOption,
        envvar="KG_STORE",
        default="kg.db",
        metavar="FILE",
        help="The embedded graph store (env KG_STORE).",
    )(command)


def open_store(path: str, create: bool = False):
    """The store at ``path``, or a one-line error and exit status 1."""
    from pipeline.storage.store import Store

    return Store(path, create=create)


def neo4j_options(command):
    """``--uri/--user/--password`` for commands that talk to Neo4j; each falls back to its NEO4J_* variable."""
    for option in reversed(
        (
            click.option(
                "--uri",
                cls=HereOption,
                resolve=neo4j_default("uri"),
                metavar="URI",
                help="Neo4j Bolt URI (env NEO4J_URI, else bolt://127.0.0.1:$NEO4J_BOLT_PORT).",
            ),
            click.option(
                "--user",
                cls=HereOption,
                resolve=neo4j_default("user"),
                metavar="NAME",
                help="Neo4j user (env NEO4J_USERNAME or NEO4J_USER).",
            ),
            click.option("--password", metavar="SECRET", help="Neo4j password (env NEO4J_PASSWORD); never printed."),
        )
    ):
        command = option(command)
    return command


def neo4j_config(uri: str | None, user: str | None, password: str | None):
    from pipeline.graphdb.push import Neo4jConfig

    return Neo4jConfig.from_env(uri, user, password)


def check_neo4j(config) -> None:
    """Log in to Neo4j once, or a one-line error and exit status 1."""
    from pipeline.graphdb.push import connect

    connect(config).close()


def push_store(store_path: str, config, batch_size: int = 1000, quiet: bool = False, full: bool = False) -> None:
    """Mirror the store at ``store_path`` into Neo4j, or a one-line error and exit status 1."""
    import sys

    from pipeline.apps.progress import Bar
    from pipeline.graphdb.push import push_store as run

    with open_store(store_path) as store, Bar(unit="rows", disable=quiet or not sys.stderr.isatty()) as bar:
        result = run(store, config, batch_size, progress=bar.update, full=full)
    if not quiet:
        click.echo(pushed(config, result, "the store"))


@main.command()
@click.argument("paths", nargs=-1)
@store_option
@click.option(
    "--check",
    is_flag=True,
    help="Say how many stored articles an older pipeline version extracted (kg ingest re-extracts them).",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes [default: all cores].")
@click.option("--dry-run", is_flag=True, help="Report what would be new, changed or removed; write nothing.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary (errors still go to stderr).")
@click.option("--neo4j", "to_neo4j", is_flag=True, help="Then mirror the store into Neo4j (as kg push).")
@neo4j_options
@max_bytes_option
def ingest(
    paths: tuple[str, ...],
    store_path: str,
    check: bool,
    jobs: int | None,
    dry_run: bool,
    quiet: bool,
    to_neo4j: bool,
    uri: str | None,
    user: str | None,
    password: str | None,
    max_bytes: int,
) -> None:
    """Extract articles under PATH... into the store; idempotent, rerun to resume.

    An unchanged article that another version of the pipeline (its code, data files or model) extracted
    is extracted again."""
    import os
    import sys

    from tqdm import tqdm

    from pipeline.apps.ingest import WorkerDied
    from pipeline.apps.ingest import ingest as run

    if check:
        report_stale(store_path)
        return
    if not paths:
        raise click.UsageError("give PATH... to ingest, or --check")
    check_ner_model()
    config = neo4j_config(uri, user, password) if to_neo4j else None
    if config:
        check_neo4j(config)  # before the store is touched
    fresh = dry_run and not os.path.exists(store_path)  # a dry run creates no file
    store = open_store(":memory:" if fresh else store_path, create=True)
    try:
        with store:
            summary = run(
                paths,
                store,
                jobs=jobs,
                dry_run=dry_run,
                progress=not quiet and sys.stderr.isatty(),
                on_error=lambda doc, reason: tqdm.write(f"kg: {quoted(doc)}: {reason}", file=sys.stderr),
                max_bytes=max_bytes,
                on_warning=lambda line: tqdm.write(f"kg: {line}", file=sys.stderr),
            )
    except WorkerDied as e:
        kept = "nothing written (dry run)" if dry_run else f"articles committed to {quoted(store_path)} are kept"
        raise KgError(f"{e}; {kept}; rerun kg ingest to resume (--jobs 1 needs the least memory)") from None
    except KeyboardInterrupt:
        click.echo(f"kg: interrupted; articles committed to {quoted(store_path)} are kept, rerun to continue", err=True)
        raise SystemExit(130) from None
    if not quiet:
        click.echo("\n".join(summary.lines()))
    if config and not dry_run:
        push_store(store_path, config, quiet=quiet)
    raise SystemExit(1 if summary.failed else 0)


def report_stale(store_path: str) -> None:
    """``kg ingest --check``: how many stored articles an older pipeline extracted."""
    from pipeline.version import current

    check_ner_model()
    with open_store(store_path) as store:
        stale, total = len(store.stale_articles(current())), store.article_count()
    click.echo(
        f"{quoted(store_path)}: {stale} of {total} articles stale (extracted by another version of the pipeline"
        f" than {current()}){'; kg ingest re-extracts them' if stale else ''}"
    )


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "json"]), default="graphml", show_default=True)
@click.option("--output", "-o", default="-", metavar="FILE", help="Where to write [default: stdout].")
@click.option("--graphml", metavar="FILE", help="Shorthand for --format graphml -o FILE.")
@click.option("--from", "from_dir", metavar="DIR", help="Export the graph kg spark-ingest wrote to DIR instead.")
def export(store_path: str, fmt: str, output: str, graphml: str | None, from_dir: str | None) -> None:
    """Export the whole store as GraphML (networkx, Gephi) or node-link JSON."""
    if graphml:
        fmt, output = "graphml", graphml
    if from_dir:
        export_parquet(from_dir, fmt, output)
        return
    with open_store(store_path) as store:
        write_export(store, fmt, output)


def write_export(graph, fmt: str, output: str) -> None:
    """``graph`` (the store, or a Parquet graph) as GraphML or JSON to ``output`` (``-``: stdout)."""
    from pipeline.outputs.atomic import shown
    from pipeline.outputs.export import write_graphml, write_json

    (write_json if fmt == "json" else write_graphml)(graph, output)
    nodes, rels = graph.totals()
    click.echo(f"kg: exported {nodes} nodes, {rels} relationships to {shown(output)}", err=True)


@main.command()
@store_option
@neo4j_options
@click.option("--batch-size", type=click.IntRange(min=1), default=1000, show_default=True, help="Rows per transaction.")
@click.option("--full", is_flag=True, help="Send every row, not only what changed since the last push.")
@click.option(
    "--bulk",
    is_flag=True,
    help="First load: REPLACE the database with the store through Neo4j's offline importer (server stopped).",
)
@click.option(
    "--neo4j-home",
    cls=HereOption,
    envvar="KG_NEO4J_HOME",
    default=os.path.expanduser("~/.cache/kg/neo4j-5.26"),
    metavar="DIR",
    help="For --bulk: the Neo4j installation (env KG_NEO4J_HOME).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--from", "from_dir", metavar="DIR", help="Push the graph kg spark-ingest wrote to DIR instead.")
def push(
    store_path: str,
    uri: str | None,
    user: str | None,
    password: str | None,
    batch_size: int,
    full: bool,
    bulk: bool,
    neo4j_home: str,
    quiet: bool,
    from_dir: str | None,
) -> None:
    """Mirror the store into Neo4j: constraints first, batched MERGE on stable ids, stale facts removed.

    Idempotent: pushing twice gives the same graph. Only what changed in the store since its last
    push is sent, while Neo4j still holds what that push left (else, or with --full, everything).
    --bulk writes the store as CSV and runs `neo4j-admin database import` of the installation at
    --neo4j-home into the stopped server's database; start the server again, and the next kg push
    creates the constraints and sends nothing.
    """
    config = neo4j_config(uri, user, password)
    if from_dir:
        push_parquet(from_dir, config, batch_size, quiet)
    elif bulk:
        bulk_load(store_path, neo4j_home, config.database, quiet)
    else:
        push_store(store_path, config, batch_size, quiet, full)


def bulk_load(store_path: str, home: str, database: str | None, quiet: bool) -> None:
    """``kg push --bulk``, or a one-line error and exit status 1."""
    from pipeline.graphdb.bulk import bulk_load as run

    with open_store(store_path) as store:
        result = run(store, home, database)
    if not quiet:
        click.echo(
            f"neo4j {quoted(home)} (database {database or 'neo4j'}): {result.nodes} nodes, {result.rels} relationships"
            " imported; start the server, then kg push creates the constraints"
        )


@main.command()
@click.argument("spec", required=False, metavar="NAME|FILE|CYPHER")
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A query parameter (repeatable); numbers are sent as numbers.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option(
    "--width",
    type=click.IntRange(min=0),
    default=None,
    metavar="COLUMNS",
    help="Cut table cells to COLUMNS (0: never) [default: 60 at a terminal, never when piped].",
)
@click.option(
    "--write",
    is_flag=True,
    help="Allow the query to change the graph (default: read-only); what it changed goes to stderr.",
)
@click.option("--list", "list_only", is_flag=True, help="List the shipped queries and their questions.")
@neo4j_options
def query(
    spec: str | None,
    params: tuple[str, ...],
    fmt: str,
    width: int | None,
    write: bool,
    list_only: bool,
    uri: str | None,
    user: str | None,
    password: str | None,
) -> None:
    """Run a shipped query (queries/NAME.cypher), a Cypher file, or Cypher text against Neo4j.

    Without NAME, lists the shipped queries. Queries run read-only unless --write is given.
    """
    import sys

    from pipeline.graphdb.query import (
        CELL_WIDTH,
        available,
        counters_text,
        format_result,
        parse_params,
        resolve,
        run,
    )

    if list_only or spec is None:
        for name, q in available().items():
            needs = " ".join(f"--param {p.name}=…" for p in q.params if p.required)
            click.echo(f"{name}{' ' + needs if needs else ''}\n    {q.question}")
        return
    result = run(resolve(spec), parse_params(params), neo4j_config(uri, user, password), write=write)
    if width is None:
        width = CELL_WIDTH if sys.stdout.isatty() else 0
    click.echo(format_result(result, fmt, width or None))
    if write:
        click.echo(f"kg: {counters_text(result.counters)}", err=True)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True))
@click.argument("paths", nargs=-1)
@click.option(
    "--pred",
    "pred_file",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False),
    help="Score this saved `kg extract --format jsonl` output instead of extracting PATH....",
)
@click.option("--errors", is_flag=True, help="Also list each document's misses and false hits.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def evaluate(gold: str, paths: tuple[str, ...], pred_file: str | None, errors: bool, fmt: str) -> None:
    """Score extraction against hand-annotated GOLD (a gold file or a folder of them).

    The articles under PATH... are extracted and paired with the gold files by file
    stem (docs/07.txt with gold/07.json); the rules are the team's scorer's.
    """
    import json

    from pipeline.apps.evaluate import format_errors, format_table, load_gold, score
    from pipeline.extract import extract_paths
    from pipeline.records import InputError

    if bool(paths) == bool(pred_file):
        raise click.UsageError("give either PATH... or --pred FILE")
    try:
        golds = load_gold(gold)
    except ValueError as e:
        raise KgError(str(e)) from None
    if pred_file:
        with open(pred_file, encoding="utf-8") as fh:
            try:
                preds = [json.loads(line) for line in fh if line.strip()]
            except ValueError as e:
                raise KgError(f"{quoted(pred_file)}: not JSON Lines ({e})") from None
    else:
        check_ner_model()
        preds = []
        for x in extract_paths(paths):
            if isinstance(x, InputError):
                click.echo(f"kg: {x}", err=True)
            else:
                preds.append(x.to_json())
    report = score(golds, preds)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(errors=errors), ensure_ascii=False, indent=1))
    else:
        click.echo(format_table(report))
        if errors:
            click.echo("\n" + format_errors(report))


@main.group()
def explain() -> None:
    """Why the graph holds what it holds."""


@explain.command("person")
@click.argument("name")
@store_option
def explain_person(name: str, store_path: str) -> None:
    """The Person nodes named NAME, and which articles and evidence tied each one's mentions together."""
    from pipeline.outputs.explain import lines, person

    with open_store(store_path) as store:
        found = person(store, name)
    if not found:
        raise KgError(f"no person named {quoted(name)} in {quoted(store_path)}")
    click.echo("\n".join(lines(found)))


@main.command()
@store_option
@click.option("--output", "-o", required=True, metavar="FILE", help="The HTML file to write.")
@click.option("--org", metavar="NAME", help="Only this organisation (name or alias).")
def report(store_path: str, output: str, org: str | None) -> None:
    """One self-contained HTML page of the store: who said what about each organisation (MVNOs first,
    with figures, statements per month and an ego network), what each person said, and every statement;
    one search, sortable tables with CSV downloads; no network needed to view it."""
    from pipeline.outputs.atomic import shown
    from pipeline.outputs.report import UnknownOrganisation, build
    from pipeline.outputs.report_html import write

    with open_store(store_path) as store:
        try:
            found = build(store, org)
        except UnknownOrganisation as e:
            hint = f"; near names: {', '.join(e.near)}" if e.near else ""
            raise KgError(f"no organisation named {e.given!r} in {quoted(store_path)}{hint}") from None
    write(found, output)
    click.echo(
        f"kg: wrote {shown(output)}: {len(found.organisations)} organisations, {len(found.people)} people, "
        f"{len(found.statements)} statements",
        err=True,
    )


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many people and organisations to rank.",
)
def stats(store_path: str, fmt: str, top: int) -> None:
    """What the store holds: counts, the most quoted people, the most discussed organisations, changed and
    stale articles (kg ingest updates both)."""
    from pipeline.outputs.stats import compute, to_json, to_table

    with open_store(store_path) as store:
        result = compute(store, top)
    click.echo(to_json(result) if fmt == "json" else to_table(result))


def spark_or_exit():
    """pyspark (the optional extra ``.[spark]``), or a one-line error and exit status 1."""
    try:
        from pipeline.apps import spark_session
    except ImportError:
        raise KgError("pyspark is not installed: pip install 'kg[spark]' (or -e '.[spark]')") from None
    return spark_session


def parquet_graph(folder: str):
    """The graph kg spark-ingest wrote to ``folder``, read with pyarrow (no Spark session)."""
    try:
        from pipeline.storage.parquet import ParquetGraph
    except ImportError:
        raise KgError("pyarrow is not installed: pip install 'kg[spark]' (or -e '.[spark]')") from None
    return ParquetGraph(folder)


def pushed(config, result, source: str) -> str:
    """The line a push ends with: what was written, and what ``source`` no longer has that was removed."""
    return (
        f"neo4j {config.uri}: {result.nodes} nodes, {result.rels} relationships written;"
        f" {result.nodes_deleted} nodes, {result.rels_deleted} relationships no longer in {source} removed"
    )


def push_parquet(folder: str, config, batch_size: int, quiet: bool) -> None:
    """``kg push --from DIR``: the Parquet graph into Neo4j from this machine, through the same loader."""
    from pipeline.graphdb.push import push as run

    check_neo4j(config)
    graph = parquet_graph(folder)
    result = run(graph.nodes(), graph.rels(), config, batch_size)
    if not quiet:
        click.echo(pushed(config, result, quoted(folder)))


def export_parquet(folder: str, fmt: str, output: str) -> None:
    """``kg export --from DIR``: the Parquet graph as GraphML or node-link JSON, as the store's export."""
    write_export(parquet_graph(folder), fmt, output)


@main.command("spark-ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "out", required=True, metavar="DIR", help="Folder (local, hdfs://, s3a://) for the tables.")
@click.option("--master", metavar="URL", help="Spark master [default: spark-submit's, else local[2]].")
@click.option("--quiet", "-q", is_flag=True, help="No summary (errors still go to stderr).")
def spark_ingest(inputs: tuple[str, ...], out: str, master: str | None, quiet: bool) -> None:
    """Extract articles under INPUT... with Apache Spark into Parquet tables under DIR.

    INPUT is a file, folder or glob of text/Markdown or JSON Lines (as kg ingest
    reads), a URI Spark reads (hdfs://, s3a://, file:/), or a Parquet table of
    articles (a path ending .parquet, with a text column). The nodes and
    relationships are kg ingest's, ids included; a rerun extracts only new and
    changed articles. Then kg push --from DIR, kg export --from DIR.
    """
    check_ner_model()
    spark_session = spark_or_exit()
    from pipeline.apps.spark_job import run

    with spark_session.session(master) as spark:
        summary = run(spark, list(inputs), out)
    for doc, reason in summary.errors:
        click.echo(f"kg: {quoted(doc)}: {reason}", err=True)
    if not quiet:
        click.echo("\n".join(summary.lines(out)))
    raise SystemExit(1 if summary.errors else 0)


# Every command's --help ends with real examples (tests/test_cli_help.py runs over them).
EXAMPLES = {
    "main": [
        "kg ingest corpus/ && kg report -o report.html",
        "kg query who_said_what_about --param org=苏宁互联",
        "kg extract corpus/ --format table",
    ],
    "extract": [
        "kg extract corpus/ --format table",
        "kg extract --lines sentences.txt --format jsonl",
        "echo '苏宁互联副总经理王帅表示，用户已超过10万。' | kg extract -",
    ],
    "ingest": [
        "kg ingest corpus/ --store kg.db",
        "kg ingest corpus/ --neo4j --password kg-local-pass",
        "kg ingest --check --store kg.db",
    ],
    "export": ["kg export --graphml kg.graphml", "kg export --format json -o kg.json"],
    "push": [
        "kg push --store kg.db",
        "kg push --uri bolt://127.0.0.1:7687 --password kg-local-pass --batch-size 500 --full",
        "scripts/neo4j-local stop && kg push --bulk && scripts/neo4j-local start && kg push",
    ],
    "query": [
        "kg query who_said_what_about --param org=苏宁互联",
        "kg query 'MATCH (p:Person)-[:SAID]->(s) RETURN p.name, count(s) AS n ORDER BY n DESC' --format csv",
        "kg query --list",
    ],
    "report": ["kg report --store kg.db -o report.html", "kg report -o suning.html --org 苏宁互联"],
    "stats": ["kg stats --store kg.db", "kg stats --format json --top 5"],
    "explain": ["kg explain person 王帅", "kg explain person 王帅 --store news.db"],
    "explain person": ["kg explain person 王帅", "kg explain person 王帅 --store news.db"],
    "spark-ingest": [
        "kg spark-ingest corpus/ tests/data/articles/ --out graph/",
        "kg spark-ingest hdfs:///news/2024/ --out hdfs:///kg/graph --master yarn",
        "kg spark-ingest articles.parquet --out graph/ && kg push --from graph/",
    ],
    "eval": [
        "kg eval tests/data/gold corpus/",
        "kg eval ../shared/real_dev/gold ../shared/real_dev/docs --errors",
        "kg extract corpus/ > out.jsonl && kg eval tests/data/gold --pred out.jsonl --format json",
    ],
}


def _add_examples() -> None:
    for name, command in [("main", main), *main.commands.items(), ("explain person", explain_person)]:
        if name in EXAMPLES:
            command.epilog = "Examples:\n\n\b\n" + "\n".join(f"  {e}" for e in EXAMPLES[name])


_add_examples()


if __name__ == "__main__":  # python -m pipeline.cli, as training/train.py runs it
    main()

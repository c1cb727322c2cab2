"""Push throughput to Neo4j: a synthetic graph shaped like kg's, pushed three times.

Usage: python benchmarks/bench_push.py [ARTICLES] [BATCH...]   (defaults: 2000 articles; batch 1000)
Needs a Neo4j (scripts/neo4j-local start, or NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD) and REPLACES
the kg data in it. Prints rows/second for a first push into an empty graph, a repeated push
(nothing changes) and a push after a tenth of the articles were dropped (deletions).
"""
from __future__ import annotations

import sys
import time

from pipeline.graph import Node, Rel
from pipeline.neo4j_load import Neo4jConfig, connect, push


def graph(articles: int) -> tuple[list[Node], list[Rel]]:
    """Per article: 6 statements by 3 of 500 people about 2 of 200 organisations, each citing a figure."""
    nodes = [Node(f"org:{o}", ("Organization", "MVNO") if o % 3 == 0 else ("Organization",),
                  {"name": f"公司{o}", "aliases": f"公司{o}简称|Company {o}"}) for o in range(200)]
    nodes += [Node(f"per:{p}", ("Person",), {"name": f"人物{p}"}) for p in range(500)]
    rels = [Rel(f"rel:hp{p}", "HOLDS_POSITION", f"per:{p}", f"org:{p % 200}", {"title": "总经理"}) for p in range(500)]
    for a in range(articles):
        art = f"art:{a}"
        nodes.append(Node(art, ("Article",), {"title": f"报道{a}", "published": f"2015-{a % 12 + 1:02d}-01"}))
        for s in range(6):
            stm, fig, per = f"stm:{a}:{s}", f"fig:{a}:{s}", f"per:{(a * 7 + s) % 500}"
            nodes.append(Node(stm, ("Statement",), {"text": f"第{a}篇第{s}句的说法" * 3, "cue": "表示",
                                                    "start": s * 100, "end": s * 100 + 40}))
            nodes.append(Node(fig, ("Figure",), {"text": "超过10万用户", "value": 100000.0, "unit": "户"}))
            rels += [Rel(f"rel:c{a}:{s}", "CONTAINS", art, stm, {"start": s * 100, "end": s * 100 + 40}),
                     Rel(f"rel:s{a}:{s}", "SAID", per, stm),
                     Rel(f"rel:a{a}:{s}", "ABOUT", stm, f"org:{(a + s) % 200}"),
                     Rel(f"rel:f{a}:{s}", "CITES", stm, fig),
                     Rel(f"rel:m{a}:{s}", "MEASURES", fig, f"org:{(a + s) % 200}")]
    return nodes, rels


def timed(label: str, nodes: list[Node], rels: list[Rel], config: Neo4jConfig, batch: int) -> None:
    start = time.perf_counter()
    result = push(nodes, rels, config, batch_size=batch)
    seconds = time.perf_counter() - start
    rows = len(nodes) + len(rels)
    print(f"batch {batch:5d}  {label:<22} {rows:7d} rows in {seconds:6.1f}s = {rows / seconds:8.0f} rows/s"
          f"  (deleted {result.nodes_deleted} nodes, {result.rels_deleted} rels)")


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    batches = [int(b) for b in sys.argv[2:]] or [1000]
    config = Neo4jConfig.from_env()
    nodes, rels = graph(articles)
    kept = {f"art:{a}" for a in range(articles) if a % 10}
    keep = lambda id_: not id_.startswith(("art:", "stm:", "fig:")) or f"art:{id_[4:].split(':')[0]}" in kept  # noqa: E731
    fewer_nodes = [n for n in nodes if keep(n.id)]
    fewer_rels = [r for r in rels if keep(r.start) and keep(r.end)]
    print(f"{articles} articles: {len(nodes)} nodes, {len(rels)} relationships; Neo4j at {config.uri}")
    for batch in batches:
        with connect(config) as driver:
            driver.execute_query("MATCH (n:Article|Person|Organization|Statement|Figure) DETACH DELETE n",
                                 database_=config.database)
        timed("into an empty graph", nodes, rels, config, batch)
        timed("again (no change)", nodes, rels, config, batch)
        timed("a tenth dropped", fewer_nodes, fewer_rels, config, batch)


if __name__ == "__main__":
    main()

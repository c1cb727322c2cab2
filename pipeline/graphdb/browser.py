"""Neo4j Browser ready for analysts: kg's style and a guide of the shipped queries, served by the
local server (scripts/neo4j-local) beside the Browser's own files, and run by the Browser as it connects.

The server serves the Browser from a ``neo4j-browser*.zip`` in its ``web/`` folder when one is there
(else from the jar on its class path): ``bundle`` writes that zip, the Browser's jar plus ``kg/``.
The guide is Markdown, which Browser 5 shows in its guide drawer, one slide per query, with its
parameters and its Cypher as blocks a click puts in the editor.
"""

from __future__ import annotations

import argparse
import json
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from pipeline.graphdb.query import Query, available

_ROOT = "browser/"  # the Browser's folder in its jar
FOLDER = "kg"  # beside the Browser's files, so served at /browser/kg/
STYLE = f"{FOLDER}/kg.grass"
GUIDE = f"{FOLDER}/queries.md"
_EXAMPLE = re.compile(r"e\.g\.\s*(\S+?)[,;)]?(?:\s|$)")
_INTRO = """# kg: who said what about which company

Persons and organisations (MVNOs in red) `SAID` statements, `ABOUT` organisations; statements `CITES`
figures, which `MEASURES` organisations; persons `HOLDS_POSITION {title}` at organisations; articles
`CONTAINS` statements and `MENTIONS` persons and organisations. An organisation's `aliases` are a list
and `mvno` is true or false.

The question the graph exists for:

```cypher
MATCH (p:Person)-[:SAID]->(s:Statement)-[:ABOUT]->(o:Organization:MVNO)
RETURN p.name, s.text, o.name
```

The next slides are kg's shipped queries (`kg query --list`): click a block to put it in the editor,
set the parameters first."""


def _param_line(query: Query) -> str:
    """A ``:params`` command that sets every parameter: its default, else the example its help gives."""
    values: dict[str, object] = {}
    for p in query.params:
        example = _EXAMPLE.search(p.help)
        values[p.name] = p.default if not p.required else example[1] if example else ""
    return ":params " + json.dumps(values, ensure_ascii=False)


def _slide(query: Query) -> str:
    body = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("//")).strip()
    params = "".join(f"\n- `{p.name}`: {p.help or 'required'}" for p in query.params)
    setting = f"\n\nParameters:{params}\n\n```cypher\n{_param_line(query)}\n```" if query.params else ""
    return f"## {query.name}\n\n{query.question}{setting}\n\n```cypher\n{body}\n```"


def guide(queries: Iterable[Query]) -> str:
    """The guide's Markdown: an introduction, then one slide per query (slides part at ``---`` lines)."""
    return "\n\n---\n\n".join([_INTRO, *map(_slide, queries)]) + "\n"


def bundle(browser_jar: Path, style: Path, out: Path) -> None:
    """``out``: the Browser's folder (``browser/`` in its jar) with kg's style and guide in ``browser/kg/``.

    The server serves the archive's first entry, a folder, and makes no folder the archive does not
    list before the files in it: so ``browser/`` comes first, then every folder, then the files."""
    tmp = out.with_name(out.name + ".tmp")
    with zipfile.ZipFile(browser_jar) as jar, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        entries = [i for i in jar.infolist() if i.filename.startswith(_ROOT) and i.filename != _ROOT]
        z.mkdir(_ROOT)
        for info in sorted(entries, key=lambda i: (not i.is_dir(), i.filename if i.is_dir() else "")):
            z.writestr(info, b"" if info.is_dir() else jar.read(info))
        z.mkdir(_ROOT + FOLDER)
        z.write(style, _ROOT + STYLE)
        z.writestr(_ROOT + GUIDE, guide(available().values()))
    tmp.replace(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.graphdb.browser", description=bundle.__doc__)
    parser.add_argument("browser_jar", type=Path)
    parser.add_argument("style", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    bundle(args.browser_jar, args.style, args.out)


if __name__ == "__main__":
    main()

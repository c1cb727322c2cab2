"""Rendering extractions for `kg extract`: JSON Lines, one JSON document, or a table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from pipeline.records import Extraction


def write_jsonl(extractions: Iterable[Extraction], out: TextIO) -> None:
    for x in extractions:
        out.write(json.dumps(x.to_json(), ensure_ascii=False) + "\n")
        out.flush()


def write_json(extractions: Iterable[Extraction], out: TextIO) -> None:
    json.dump([x.to_json() for x in extractions], out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_table(extractions: Iterable[Extraction], out: TextIO) -> None:
    """A readable summary: who holds which post, who said what, which figures."""
    for x in extractions:
        a = x.article
        out.write(f"== {a.doc}" + (f"  {a.title}" if a.title else "") + "\n")
        orgs = [e.name for e in x.entities if e.label in ("COMPANY", "GOVERNMENT", "ORGANIZATION")]
        persons = [e.name for e in x.entities if e.label == "PERSON"]
        out.write(f"organisations ({len(orgs)}): {'、'.join(orgs)}\n")
        out.write(f"people ({len(persons)}): {'、'.join(persons)}\n")
        for r in x.roles:
            out.write(f"  role   {r.person:<6} {r.title} @ {r.org}\n")
        for s in x.statements:
            who = s.speaker or f"[{s.speaker_desc}]"
            about = f"  → {'、'.join(s.about)}" if s.about else ""
            out.write(f"  said   {who} {s.cue}：{_short(s.text)}{about}\n")
        for f in x.figures:
            subject = f"  ({f.subject})" if f.subject else ""
            out.write(f"  figure {f.text} = {f.value:g}{' ' + f.unit if f.unit else ''}{subject}\n")
        for g in x.agreements:
            out.write(
                f"  signed {'、'.join(g.parties)} with {g.counterpart or '?'}{' on ' + g.date if g.date else ''}\n"
            )
        out.write("\n")


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


WRITERS = {"jsonl": write_jsonl, "json": write_json, "table": write_table}

"""Typed records passed between the pipeline's stages.

Every stage takes and returns these plain dataclasses, so a stage can be tested
alone and the JSON contract (``Extraction.to_json``) is written in one place.
Offsets are character offsets (end exclusive) into ``Article.text``: the
file's decoded original text, front matter included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import KgFailure
from pipeline.messages import quoted

LABELS = ("PERSON", "COMPANY", "GOVERNMENT", "ORGANIZATION", "POSITION", "LOCATION")
ORG_LABELS = frozenset({"COMPANY", "GOVERNMENT", "ORGANIZATION"})


@dataclass(frozen=True)
class Article:
    """One input document, decoded, with its metadata."""

    doc: str  # path as given, or "path:LINE" for --lines / JSON Lines input
    text: str  # decoded original text (BOM stripped); offsets point into it
    body_start: int = 0  # where the body starts, after any front matter
    url: str | None = None
    title: str | None = None
    author: str | None = None
    time: str | None = None

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


@dataclass(frozen=True)
class Hit:
    """What a recogniser found in one sentence; offsets are into the sentence text."""

    start: int
    end: int
    label: str  # COMPANY, GOVERNMENT, ORGANIZATION, POSITION, PERSON, or ANON for unnamed sources
    name: str  # canonical name (organisations), the title, the person's name, or the source as written
    text: str


@dataclass(frozen=True)
class Span:
    """A piece of the article text the pipeline reasons over (a sentence)."""

    text: str  # normalised text (full-width folded); same length as the original slice
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    text: str  # surface form as in the original text
    start: int
    end: int


@dataclass
class Entity:
    name: str  # canonical name
    label: str  # one of LABELS
    mentions: list[Mention] = field(default_factory=list)
    type: str | None = None  # gazetteer type: mvno, operator, regulator, association, media, ...
    mvno: bool = False  # a licensed mobile virtual network operator
    aliases: tuple[str, ...] = ()
    key: str = ""  # what identifies an organisation across articles: the gazetteer's name (``name`` when empty)


@dataclass(frozen=True)
class Role:
    person: str
    title: str | None  # None: tied to the organisation without a title (a byline's bare name)
    org: str | None
    tense: str | None = None  # when the title was held, as the text says it (时任 then, 原 former…: tense.py)


@dataclass(frozen=True)
class Speaker:
    """Who speaks, as the attribution found them in a sentence."""

    person: str | None
    desc: str | None
    org: str | None  # the organisation that speaks, when no person does
    group: tuple[str, ...] = ()  # organisations whose executives speak together


@dataclass(frozen=True)
class Said:
    """A statement in one sentence, before it becomes a Statement of the article."""

    speaker: Speaker
    cue: str
    start: int  # span of what was said, in the sentence
    end: int
    lead: tuple[int, int] | None = None  # “……”谢文告诉记者，……: the quotation before the cue, same statement


@dataclass
class Statement:
    speaker: str | None  # canonical person name, or None for anonymous/organisation/group sources
    speaker_desc: str | None  # who spoke, when speaker is None
    cue: str  # the speech verb
    text: str  # what was said
    about: list[str]  # canonical organisation names
    start: int  # span of `text` in Article.text
    end: int
    sentence: str = ""  # the whole sentence, for context
    speaker_org: str | None = None  # organisation that speaks (工信部通知指出) or the speaker's employer


@dataclass
class Figure:
    text: str
    value: float
    unit: str | None
    subject: str | None  # canonical organisation the figure measures
    start: int  # into the sentence as figures.find_figures reads it, into Article.text in an Extraction
    end: int
    value_max: float | None = None  # a range's upper bound (10-20万户, 两三家); value is its lower


@dataclass
class Agreement:
    parties: list[str]  # canonical organisation names
    counterpart: str | None  # the other side, e.g. 三基础运营商
    date: str | None
    text: str
    start: int  # into the sentence as agreements.find_agreements reads it, into Article.text in an Extraction
    end: int


@dataclass
class Extraction:
    article: Article
    entities: list[Entity] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `kg extract` contract (README.md, "The extraction contract"), plus offsets."""
        a = self.article
        num = lambda v: int(v) if float(v).is_integer() else v
        return {
            "doc": a.doc,
            "article": {"url": a.url, "title": a.title, "author": a.author, "time": a.time},
            "entities": [
                {
                    "name": e.name,
                    "label": e.label,
                    "type": e.type,
                    "mvno": e.mvno,
                    "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in e.mentions],
                }
                for e in self.entities
            ],
            "roles": [{"person": r.person, "title": r.title, "org": r.org, "tense": r.tense} for r in self.roles],
            "statements": [
                {
                    "speaker": s.speaker,
                    "speaker_desc": s.speaker_desc,
                    "cue": s.cue,
                    "text": s.text,
                    "about": s.about,
                    "start": s.start,
                    "end": s.end,
                }
                for s in self.statements
            ],
            "figures": [
                {
                    "text": f.text,
                    "value": num(f.value),
                    **({"value_max": num(f.value_max)} if f.value_max is not None else {}),
                    "unit": f.unit,
                    "subject": f.subject,
                    "start": f.start,
                    "end": f.end,
                }
                for f in self.figures
            ],
            "relations": [
                {
                    "type": "SIGNED_AGREEMENT",
                    "parties": g.parties,
                    "with": g.counterpart,
                    "date": g.date,
                    "text": g.text,
                    "start": g.start,
                    "end": g.end,
                }
                for g in self.agreements
            ],
        }


class InputError(KgFailure):
    """A file that cannot be read as an article; the message names the reason."""

    def __init__(self, doc: str, reason: str):
        super().__init__(f"{quoted(doc)}: {reason}")
        self.doc = doc
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        """Picklable, so a worker process can hand one back (ingest)."""
        return InputError, (self.doc, self.reason)

"""A learned second look at the cues the rules pass over.

The rules drop a cue when one of their tests fires (a weak verb after an organisation with no clause
after it, a verb running on into another, ...) or when they find no source before it. Each test is
right on the sentences it was written from and wrong on some others; a logistic model trained on
annotated real news (training/statement_model.py) weighs those signals, the verb and the characters
around the cue together, and where it is confident the cue is speech after all, the statement is built
as the rules build one: the source before the cue (source.subject; else the person or organisation
named last in the clause; else the short words opening it), what follows it (content.content). No
source, no statement.
Reads: a sentence's SentenceContext and the rules' statements. Provides: those with the ones recovered.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from pipeline.language import datafiles, grammar, lexicon, segment
from pipeline.language.text import clause_start, clause_starts, nesting
from pipeline.records import Said, Speaker
from pipeline.relate.speech import attribute as rules
from pipeline.relate.speech.content import (
    MIN_CONTENT,
    confirms_before,
    content,
    leading_quote,
    names_topic,
    opens_content,
)
from pipeline.relate.speech.cues import cues, followed_by_cue
from pipeline.relate.speech.source import SentenceContext, subject

MODEL_FILE = "statement_model.json"


@dataclass(frozen=True)
class Candidate:
    """A cue the rules made no statement of, with the statement it would make and what the model reads."""

    said: Said
    features: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    bias: float
    threshold: float  # the probability above which a candidate is speech
    weights: dict[str, float]

    def probability(self, features: tuple[str, ...]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def model() -> Model:
    data = json.loads(datafiles.read_text(MODEL_FILE))
    return Model(data["bias"], data["threshold"], data["weights"])


def recover(ctx: SentenceContext, said: list[Said]) -> list[Said]:
    """The rules' statements and those the model recovers from the cues they passed over, in order."""
    m = model()
    extra = [c.said for c in candidates(ctx, said) if m.probability(c.features) >= m.threshold]
    return sorted(said + _disjoint(extra), key=lambda x: x.start) if extra else said


def _disjoint(said: list[Said]) -> list[Said]:
    """One statement per stretch of text: a later candidate inside an earlier one's content is dropped."""
    out: list[Said] = []
    for s in sorted(said, key=lambda x: x.start):
        if not out or s.start >= out[-1].end:
            out.append(s)
    return out


def candidates(ctx: SentenceContext, said: list[Said]) -> list[Candidate]:
    """Each cue outside the rules' statements whose source the rules can name, with its would-be content."""
    text = ctx.text
    quotes, _ = nesting(text)
    opening = rules.dateline_end(text)
    starts = sorted({max(s, opening) for s in clause_starts(text, quotes)})
    found = cues(text, ctx.persons)
    taken = [(s.start, s.end) for s in said] + [s.lead for s in said if s.lead]
    out = []
    for i, (c0, c1, verb) in enumerate(found):
        if any(s <= c0 < e or s < c1 <= e for s, e in taken):
            continue
        after = _content_after(text, c1)
        if after is not None and _overlaps(after, taken):
            continue  # what it would attribute is a statement's already: no source needs finding
        (speaker, _), subject_start = subject(ctx, starts, c0)
        by = "rules"
        if speaker is None and not lexicon.load().speech_verbs[verb].strong:
            continue  # a weak verb (建议, 预计) speaks only for a source the rules know
        if speaker is None:
            speaker, subject_start, by = _nearest_source(ctx, c0), clause_start(text, c0), "nearest"
        if speaker is None:
            speaker, by = _region_source(text, subject_start, c0), "region"
        if speaker is None:
            continue
        span, lead = (after, False) if after is not None else _leading(text, subject_start, c0)
        if span is None or _overlaps(span, taken):
            continue
        flags = _flags(ctx, found, i, speaker, subject_start)
        if _VETOES.intersection(flags):
            continue
        feats = _features(text, c0, c1, verb, speaker, flags, lead, span) + _source_features(
            text, subject_start, c0, by
        )
        out.append(Candidate(Said(speaker, text[c0:c1], span[0], span[1]), feats))
    return out


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in taken)


def _nearest_source(ctx: SentenceContext, cue: int) -> Speaker | None:
    """The person or organisation named last in the cue's clause, outside quotations, where the rules
    found no subject (公司旗下品牌X日前表示, X集团董事会同时宣布): the model judges whether it speaks."""
    quotes, _ = nesting(ctx.text)
    start = clause_start(ctx.text, cue)
    hits = [h for h in (*ctx.persons, *ctx.orgs) if start <= h.start and h.end <= cue and quotes[h.start] == 0]
    if not hits:
        return None
    last = max(hits, key=lambda h: h.end)
    if any(last is p for p in ctx.persons):
        return Speaker(last.name, None, None)
    return Speaker(None, last.text, last.name)


_REGION = range(2, 11)  # characters: a source's description, not a clause
_NOT_SOURCE_TAGS = ("r", "v", "c", "d", "p", "t")  # 我们, 有媒体, 但, 也, 在, 目前: no source opens so


def _region_source(text: str, start: int, cue: int) -> Speaker | None:
    """The words opening the cue's clause, when they are short and unbroken (X集团指出, 资本市场认为):
    a source the rules do not know, described by those words; not a description with 的 (学校的老师),
    which the rules leave unattributed on purpose."""
    region = text[start:cue].strip()
    if len(region) not in _REGION or any(ch in region for ch in "“”「」《》（）()、 的"):
        return None
    words = segment.tagged(region)
    if not words or words[0][1] in _NOT_SOURCE_TAGS or cue not in segment.boundaries(text):
        return None  # 连商品名称: a verb inside a word is no cue after a source
    return Speaker(None, region, None)


def _source_features(text: str, start: int, cue: int, by: str) -> tuple[str, ...]:
    """How the source was found, and for one the rules do not know, how its words begin and end."""
    if by == "rules":
        return ("source=rules",)
    region = text[start:cue].strip()
    tags = [t for _, t, _ in segment.tagged(region)] or ["none"]
    return (
        f"source={by}",
        f"{by}:last={region[-1:]}",
        f"{by}:first={region[:1]}",
        f"{by}:len={min(len(region), 12) // 3}",
        f"{by}:first_tag={tags[0]}",
        f"{by}:last_tag={tags[-1]}",
        f"{by}:words={min(len(tags), 4)}",
    )


def _content_after(text: str, c1: int) -> tuple[int, int] | None:
    """What the cue would attribute when it is the content after it (not a quotation before it)."""
    s, e = content(text, c1)
    return (s, e) if e - s >= MIN_CONTENT and not confirms_before(text, c1) else None


def _leading(text: str, subject_start: int, c0: int) -> tuple[tuple[int, int] | None, bool]:
    """Else the quotation opening the cue's clause, and whether there is one."""
    lead = leading_quote(text, subject_start, c0)
    return lead, lead is not None


_VETOES = frozenset({"negated", "conditional", "conceded", "refusal", "ceremony", "names_topic"})
# tests of what the words say, not of where the source stands: the model is not asked to overrule them


def _flags(
    ctx: SentenceContext, found: list[tuple[int, int, str]], i: int, speaker: Speaker, subject_start: int
) -> list[str]:
    """Which of the rules' tests fire on the cue: the model weighs each instead of obeying it."""
    text = ctx.text
    c0, c1, verb = found[i]
    info = lexicon.load().speech_verbs[verb]
    quotes, _ = nesting(text)
    s, _ = content(text, c1)
    tests = {
        "negated": rules._negated(text, c0),
        "conditional": rules._conditional(text, c0, quotes),
        "borrowed": not info.strong and rules._borrowed_group(speaker, text, subject_start, c0),
        "conceded": rules._conceded_crowd(speaker, text, c0),
        "refusal": text.startswith(grammar.load().refusals, s),
        "ceremony": rules._ceremony(text, s),
        "opens_with_cue": rules._opens_with_cue(text, s, found[i + 1 :], info.strong),
        "followed_by_cue": followed_by_cue(text, found[i], found[i + 1 :]),
        "weak_org_no_opening": not info.strong and bool(speaker.org) and not opens_content(text, c1),
        "names_topic": names_topic(text, c1, text[c0:c1]),
    }
    return [name for name, fired in tests.items() if fired]


def _features(
    text: str,
    c0: int,
    c1: int,
    verb: str,
    speaker: Speaker,
    flags: list[str],
    lead: bool,
    span: tuple[int, int],
) -> tuple[str, ...]:
    """The rules' signals and the characters around the cue, as names."""
    info = lexicon.load().speech_verbs[verb]
    kind = "person" if speaker.person else "org" if speaker.org else "group" if speaker.group else "desc"
    after = text[c1 : c1 + 1] or "END"
    before = text[max(0, c0 - 1) : c0] or "START"
    head = clause_start(text, c0)
    feats = [
        f"verb={verb}",
        f"strength={'strong' if info.strong else 'weak'}",
        f"speaker={kind}",
        f"after={after}",
        f"before={before}",
        f"after2={text[c1 : c1 + 2]}",
        f"before2={text[max(0, c0 - 2) : c0]}",
        f"clause_lead={min(c0 - head, 12) // 4}",
        f"length={min(span[1] - span[0], 60) // 15}",
        f"first_clause={head == 0}",
        f"lead_quote={lead}",
        f"kind_strength={kind}:{info.strong}",
    ]
    feats += [f"flag={f}" for f in flags] or ["flag=none"]
    feats += [f"{kind}:flag={f}" for f in flags]
    return tuple(feats)

"""A learned second look at which organisations a statement is about.

The rules (statements.about) list an organisation where the content names it or refers to the
speaker's own by a word, a short form or an omitted subject; each test is right on the sentences it was
written from and wrong on some others. Here every organisation the statement could be about is a
candidate: those named in its content, before its cue in its sentence, in the sentence before, the
speaker's own and the operators a group word stands for. A logistic model trained on annotated real
news (training/about_model.py) weighs where each stands and what is around it, with the rules' choice
as one signal, and overrules the rules only where it is confident: it adds a candidate the rules left
out above `add` and drops one they listed below `drop`.
Reads: the ArticleContext and the article's statements. Provides: the statements, about reconsidered.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.language import datafiles, grammar, lexicon, segment
from pipeline.language.text import CLAUSE_DELIMITERS
from pipeline.recognise.context import ArticleContext
from pipeline.records import Hit, Statement
from pipeline.relate.speech.content import elided_subject

MODEL_FILE = "about_model.json"


@dataclass(frozen=True)
class Candidate:
    """An organisation a statement could be about, whether the rules listed it, and what the model reads."""

    name: str
    chosen: bool
    features: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    bias: float
    add: float  # the probability above which a candidate the rules left out is listed
    drop: float  # the probability below which a candidate the rules listed is dropped
    weights: dict[str, float]

    def probability(self, features: tuple[str, ...]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))

    def keeps(self, c: Candidate) -> bool:
        p = self.probability(c.features)
        return p >= self.drop if c.chosen else p >= self.add


@lru_cache(maxsize=1)
def model() -> Model:
    data = json.loads(datafiles.read_text(MODEL_FILE))
    return Model(data["bias"], data["add"], data["drop"], data["weights"])


def reconsider(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """The statements, each one's about as the model reads its candidates where it is confident."""
    m = model()
    if not m.weights or not statements:
        return statements
    article = ArticleView(ctx)
    out = []
    for st in statements:
        kept = [c.name for c in candidates(article, st) if m.keeps(c)]
        out.append(st if kept == st.about else replace(st, about=kept))
    return out


class ArticleView:
    """What every statement of an article reads alike: where its sentences start, the organisation it
    names most (what it is about, when a statement names nothing) and the one each sentence's
    predecessors named last (who an interview's answers go on about)."""

    def __init__(self, ctx: ArticleContext):
        lex = lexicon.load()
        self.ctx = ctx
        self.starts = [s.span.start for s in ctx.sentences]
        counts: dict[str, int] = {}
        self.last_named: list[str | None] = []
        last = None
        for sent in ctx.sentences:
            self.last_named.append(last)
            for o in sent.orgs:
                if not lex.is_media(o.name):
                    counts[o.name] = counts.get(o.name, 0) + 1
                    last = o.name
        self.topic = max(counts, key=lambda n: counts[n]) if counts else None  # the first of the most named


def candidates(article: ArticleView, st: Statement) -> list[Candidate]:
    """Every organisation the statement could be about, the rules' choices first, in their order."""
    i = bisect_right(article.starts, st.start) - 1
    if i < 0:
        return [Candidate(n, True, ("listed:any",)) for n in st.about]
    view = _View(article, st, i)
    names = [*st.about, *view.inside, *view.later, *view.before, *view.previous, *view.own, *view.group_members]
    names += [n for n in (article.topic, article.last_named[i]) if n]
    return [Candidate(n, n in st.about, _features(view, n, n in st.about)) for n in dict.fromkeys(names)]


class _View:
    """The statement's organisations by where they stand: in its content (sentences it runs into
    included), before its content in its sentence, in the sentence before, and the speaker's own."""

    def __init__(self, article: ArticleView, st: Statement, i: int):
        lex = lexicon.load()
        ctx = article.ctx
        home = ctx.sentences[i]
        self.st = st
        self.topic = article.topic
        self.last_named = article.last_named[i]
        self.lo = st.start - home.span.start  # content start, in the home sentence
        self.hi = st.end - home.span.start
        self.text = home.span.text
        self.inside = _by_name(o for o in home.orgs if self.lo <= o.start and o.end <= self.hi)
        self.later: set[str] = set()  # named in the sentences the statement runs on into
        for later in ctx.sentences[i + 1 :]:
            if later.span.start >= st.end:
                break
            self.later.update(o.name for o in later.orgs if later.span.start + o.end <= st.end)
        self.before = _by_name(o for o in home.orgs if o.end <= self.lo)
        self.previous = _by_name(ctx.sentences[i - 1].orgs) if i > 0 else {}
        employer = ctx.employer(st.speaker) if st.speaker else None
        self.own = [n for n in (st.speaker_org, employer) if n]
        self.employer = employer
        self.media = {n for n in (*self.inside, *self.later, *self.before, *self.previous) if lex.is_media(n)}
        g = grammar.load()
        content = self.text[self.lo : self.hi]
        self.elided = elided_subject(content)
        self.desc = st.speaker_desc or ""
        self.words = tuple(w for w in (*g.own_company_words, *g.speaker_anaphora) if w in content)
        self.group = next((w for w in g.operator_groups if w in content), None)
        named = set(ctx.org_names)
        self.group_members = [n for n in g.operator_groups[self.group] if n in named] if self.group else []


def _by_name(hits: Iterable[Hit]) -> dict[str, list[Hit]]:
    out: dict[str, list[Hit]] = {}
    for h in hits:
        out.setdefault(h.name, []).append(h)
    return out


def _features(v: _View, name: str, chosen: bool) -> tuple[str, ...]:
    """Where the candidate stands and what is around its first mention in the content, as names, each
    prefixed with the rules' choice: what makes a listed candidate wrong is not what makes a left-out
    one right, so the two are weighed apart."""
    tag = "listed" if chosen else "left"
    return tuple(f"{tag}:{f}" for f in _signals(v, name))


def _signals(v: _View, name: str) -> list[str]:
    """Where the candidate stands, what kind it is, who spoke, and whether the content leaves its
    subject out or refers to the speaker's own: kinds of evidence, not words, so they carry to news
    the model never read."""
    where = [
        w
        for w, hit in (
            ("content", name in v.inside or name in v.later),
            ("before", name in v.before),
            ("previous", name in v.previous),
            ("speaker_org", name == v.st.speaker_org),
            ("employer", name == v.employer),
            ("group", name in v.group_members),
            ("topic", name == v.topic),
            ("last_named", name == v.last_named),
        )
        if hit
    ] or ["none"]
    rec = lexicon.load().org(name)
    speaker = "person" if v.st.speaker else "org" if v.st.speaker_org else "desc"
    before = v.before.get(name, [])
    feats = [f"where={w}" for w in where] + [f"elided:where={v.elided}:{w}" for w in where]
    feats += [
        "any",
        f"where_all={'+'.join(where)}",
        f"kind={rec.type if rec else 'unknown'}",
        f"speaker={speaker}",
        f"speaker:where={speaker}:{where[0]}",
        f"media={name in v.media}",
        f"others={min(len(v.inside) - (name in v.inside), 3)}",
        f"in_speaker={any(h.text in v.desc for h in before) or name in v.desc}",
        f"opens_sentence={any(h.start <= 1 for h in before)}",
    ]
    feats += [f"word={w}" for w in v.words] + ([f"group_word:{name in v.group_members}"] if v.group else [])
    hits = v.inside.get(name)
    return feats + _mention_features(v, hits[0]) if hits else feats


def _mention_features(v: _View, h: Hit) -> list[str]:
    """Around the candidate's first mention in the content: whether it opens a clause (the subject
    of what was said, not an owner before 的) and the parts of speech of the words either side."""
    text = v.text
    words = segment.words(text)  # the sentence's words, cut already by the stages before
    nxt = next((w for w, s, _ in words if s >= h.end), "") if h.end < v.hi else ""
    prev = next((w for w, _, e in reversed(words) if e <= h.start), "") if h.start > v.lo else ""
    opens = h.start <= v.lo or text[h.start - 1] in CLAUSE_DELIMITERS
    return [
        f"subject={opens and not nxt.startswith('的')}",
        f"next_tag={segment.dictionary_tag(nxt) if nxt else 'END'}",
        f"prev_tag={segment.dictionary_tag(prev) if prev else 'START'}",
    ]

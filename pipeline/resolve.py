"""Resolution within an article: sentence-local hits become article-wide facts.

Hits carry offsets into their sentence; here they move to offsets into the
article text, names become canonical, a person introduced once is recognised
wherever the bare name recurs, and entities gather every mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import grammar, lexicon
from .agreements import AgreementHit
from .figures import FigureHit
from .people import Chain
from .recognise import Hit, model_persons
from .records import Agreement, Article, Entity, Figure, Mention, Span, Statement
from .speech import Said


@dataclass
class SentenceHits:
    span: Span
    orgs: list[Hit]
    chains: list[Chain]
    anons: list[Hit]
    model: list[Hit] = field(default_factory=list)  # the trained NER's spans
    persons: list[Hit] = field(default_factory=list)


@dataclass
class Analysis:
    article: Article
    sentences: list[SentenceHits] = field(default_factory=list)
    chains: list[Chain] = field(default_factory=list)
    outside_orgs: list[Hit] = field(default_factory=list)  # article offsets
    outside_persons: list[Hit] = field(default_factory=list)  # article offsets
    known_persons: dict[str, None] = field(default_factory=dict)  # insertion-ordered set

    def add_sentence(self, span: Span, orgs: list[Hit], chains: list[Chain], anons: list[Hit],
                     model: list[Hit]) -> None:
        self.sentences.append(SentenceHits(span, orgs, chains, anons, model))
        self.chains += chains
        for c in chains:
            self.known_persons.setdefault(c.person.name)
        for p in model_persons(model, orgs + anons):
            self.known_persons.setdefault(p.name)

    def last_org(self, current: list[Hit]) -> Hit | None:
        """The organisation 该公司 would refer to: the latest one named, media aside."""
        for orgs in [current] + [s.orgs for s in reversed(self.sentences)]:
            named = [o for o in orgs if not self._is_media(o.name)]
            if named:
                return named[-1]
        return None

    def persons_in(self, sent: SentenceHits) -> list[Hit]:
        """Every known person's name in the sentence, outside organisation names."""
        text = sent.span.text
        hits = []
        for name in sorted(self.known_persons, key=len, reverse=True):
            for m in re.finditer(re.escape(name), text):
                h = Hit(m.start(), m.end(), "PERSON", name, name)
                if not any(o.start < h.end and h.start < o.end for o in sent.orgs + hits):
                    hits.append(h)
        return sorted(hits, key=lambda h: h.start)

    def note_persons(self, sent: SentenceHits, persons: list[Hit]) -> None:
        sent.persons = persons
        for p in persons:
            self.known_persons.setdefault(p.name)

    def statement(self, sent: SentenceHits, said: Said) -> Statement:
        text = sent.span.text
        st = Statement(said.speaker.person, said.speaker.desc, said.cue, text[said.start:said.end], [],
                       sent.span.start + said.start, sent.span.start + said.end, text, said.speaker.org)
        st.about = self.about(sent, said.start, said.end, st)
        for name in said.speaker.group:
            if name not in st.about:
                st.about.append(name)
        if said.speaker.org and said.speaker.org not in st.about:
            st.about.append(said.speaker.org)
        return st

    def about(self, sent: SentenceHits, start: int, end: int, st: Statement) -> list[str]:
        """Organisations the statement names, and the speaker's own for 该公司/这款."""
        names = [o.name for o in sent.orgs if start <= o.start and o.end <= end and not self._is_media(o.name)]
        if st.speaker and any(w in sent.span.text[start:end] for w in grammar.load().own_company_words):
            own = self.employer(st.speaker)
            if own and own not in names:
                names.append(own)
        return list(dict.fromkeys(names))

    def employer(self, person: str) -> str | None:
        return next((c.org.name for c in self.chains if c.person.name == person and c.org), None)

    def figure(self, sent: SentenceHits, f: FigureHit) -> Figure:
        return Figure(f.text, f.value, f.unit, self._figure_subject(sent, f),
                      sent.span.start + f.start, sent.span.start + f.end)

    def _figure_subject(self, sent: SentenceHits, f: FigureHit) -> str | None:
        """The organisation in the figure's clause before it, else the company that opens the sentence."""
        text = sent.span.text
        clause_start = max(text.rfind(p, 0, f.start) for p in "，,；;：:。") + 1
        candidates = [o for o in sent.orgs if o.end <= f.start and not self._is_media(o.name)]
        in_clause = [o for o in candidates if o.start >= clause_start]
        if in_clause:
            return in_clause[-1].name
        if any(w in text[clause_start:f.start] for w in grammar.load().generic_subjects):
            return None
        opening = [o for o in candidates if o.label == "COMPANY"]
        return opening[-1].name if opening else None

    def agreement(self, sent: SentenceHits, g: AgreementHit) -> Agreement:
        return Agreement(g.parties, g.counterpart, g.date, g.text,
                         sent.span.start + g.start, sent.span.start + g.end)

    @staticmethod
    def _is_media(name: str) -> bool:
        rec = lexicon.load().org(name)
        return rec is not None and rec.type == "media"


def build_entities(a: Analysis, model_only: bool = False) -> list[Entity]:
    """One entity per canonical name, with every mention, organisations first.

    In an article the gazetteer, the rules and the model's checked spans decide;
    the model's titles and places are added as they are. With `model_only` (a
    sentence per document, as CLUENER is), the trained model's spans (of their
    known kinds, with the companies it missed: extract.extract) are the
    entities, gazetteer names canonical: on such text it is the better recogniser.
    """
    lex = lexicon.load()
    entities: dict[tuple[str, str], Entity] = {}

    def add(label: str, name: str, mention: Mention) -> None:
        rec = lex.org(name) if label not in ("PERSON", "POSITION", "LOCATION") else None
        name = rec.name if rec else name
        key = (label, name)
        if key not in entities:
            entities[key] = Entity(name, label, [], rec.type if rec else None, bool(rec and rec.mvno),
                                   rec.aliases if rec else ())
        if mention not in entities[key].mentions:
            entities[key].mentions.append(mention)

    text = a.article.text
    for sent in a.sentences:
        base = sent.span.start
        for h in sent.model:
            if model_only or h.label in ("POSITION", "LOCATION"):
                add(h.label, h.name, Mention(text[base + h.start:base + h.end], base + h.start, base + h.end))
    if not model_only:
        _add_rule_entities(a, add)
    for e in entities.values():
        e.mentions.sort(key=lambda m: m.start)
    order = {"PERSON": 1, "POSITION": 2, "LOCATION": 3}
    return sorted(entities.values(), key=lambda e: (order.get(e.label, 0), e.mentions[0].start))


def _add_rule_entities(a: Analysis, add) -> None:
    text = a.article.text
    for sent in a.sentences:
        base = sent.span.start
        for o in sent.orgs:
            add(o.label, o.name, Mention(text[base + o.start:base + o.end], base + o.start, base + o.end))
    named = {o.name for sent in a.sentences for o in sent.orgs}
    for o in a.outside_orgs:
        if o.name not in named:
            add(o.label, o.name, Mention(text[o.start:o.end], o.start, o.end))
    if a.article.author:
        pos = max(text.find(a.article.author), 0)
        add("PERSON", a.article.author, Mention(a.article.author, pos, pos + len(a.article.author)))
    for p in a.outside_persons:
        add("PERSON", p.name, Mention(text[p.start:p.end], p.start, p.end))
    for sent in a.sentences:
        base = sent.span.start
        for p in sent.persons:
            add("PERSON", p.name, Mention(text[base + p.start:base + p.end], base + p.start, base + p.end))
        for c in sent.chains:
            if c.org is not None:
                t = c.title
                add("POSITION", t.name, Mention(text[base + t.start:base + t.end], base + t.start, base + t.end))


def article_names(a: Analysis) -> dict[str, str]:
    """The name each organisation goes by in this article, where it is not the gazetteer's.

    A brand family is one gazetteer entry (小米, 小米移动, 小米科技); an article that
    mostly says 小米移动 calls it that, and so do its facts. Regulators keep their
    official names (工信部 is 工业和信息化部). The graph maps every form back to one node.
    """
    lex = lexicon.load()
    forms: dict[str, list[str]] = {}
    for sent in a.sentences:
        for o in sent.orgs:
            rec = lex.org(o.name)
            if rec is not None and rec.name == o.name:
                forms.setdefault(o.name, []).append(_without_tail(o.text))
    names = {}
    for name, seen in forms.items():
        if lex.org(name).type == "regulator":
            continue
        best = max(seen, key=lambda f: (seen.count(f), f == name, -seen.index(f)))
        if best != name and lex.org(best) is not None:
            names[name] = best
    return names


def _without_tail(mention: str) -> str:
    for tail in grammar.load().company_tails:
        if mention.endswith(tail) and lexicon.load().org(mention[:-len(tail)]):
            return mention[:-len(tail)]
    return mention

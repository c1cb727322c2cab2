"""Extraction of one article: organisations, people, roles, statements, figures, agreements.

The stages run in two passes over the article's sentences. The first finds
organisations, titles and title chains, so that every person introduced
anywhere is known; the second attributes speech and reads figures, now able
to recognise a bare name (闫小波对通信生活报表示) or a short form (王总).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from . import people, segment
from .agreements import find_agreements
from .clean import normalise, sentences
from .figures import find_figures
from .read import read_paths
from .recognise import (Hit, anonymous_sources, known_company_mentions, known_kinds, model_entities,
                        model_organisations, organisations, registered_names, titles, with_missed)
from .records import Agreement, Article, Extraction, Figure, InputError, Span, Statement
from .resolve import Analysis, article_names, build_entities
from .speech import SentenceContext, attribute, latest_reference
from .text import nesting


Prepared = tuple[list[Span], list[list[Hit]]]  # an article's sentences and the NER's hits in each


def extract(article: Article, sentence_mode: bool = False, prepared: Prepared | None = None) -> Extraction:
    """Everything the pipeline finds in one article.

    `sentence_mode` is for a document that is one sentence out of context (kg
    extract --lines): its entities are the trained model's, of the kinds its
    training text gives them (known_kinds), and the companies it missed that
    are companies in any context (with_missed), see build_entities.
    `prepared` is what a batch already read of the article (extract_batched).
    """
    spans, model = prepared or _prepare([article])[0]
    a = Analysis(article=article)
    short_names: dict[str, Hit] = {}  # 以下简称“华信智联”, for the rest of the article
    for span, model_hits in zip(spans, model):
        bounds = segment.boundaries(span.text)
        orgs = organisations(span.text, bounds, short_names)
        if sentence_mode:
            model_hits = with_missed(known_kinds(model_hits),
                                     registered_names(orgs) + known_company_mentions(span.text, bounds))
        chains = people.title_chains(span.text, orgs, titles(span.text, orgs, model_hits), a.last_org(orgs))
        chains += people.marked_persons(span.text, orgs)
        orgs = _with_chain_orgs(orgs, chains)
        taken = orgs + [h for c in chains for h in (c.person, c.title)]
        orgs = sorted(orgs + model_organisations(span.text, model_hits, taken), key=lambda h: h.start)
        a.add_sentence(span, orgs, chains, anonymous_sources(span.text), model_hits)
    a.outside_orgs, a.outside_persons = _outside(article, spans)
    references = people.reference_forms(a.chains)
    last_speaker = interviewee = None
    statements: list[Statement] = []
    figures: list[Figure] = []
    agreements: list[Agreement] = []
    for sent in a.sentences:
        ctx = SentenceContext(sent.span.text, sent.orgs, a.persons_in(sent), sent.anons,
                              last_speaker, interviewee, references,
                              sent.orgs + [c.title for c in sent.chains])
        said = attribute(ctx)
        interviewee = ctx.interviewee
        a.note_persons(sent, ctx.persons)
        last_speaker = latest_reference(ctx, said)
        statements += [a.statement(sent, s) for s in said]
        figures += [a.figure(sent, f) for f in find_figures(sent.span.text)]
        agreements += [a.agreement(sent, g) for g in find_agreements(sent.span.text, sent.orgs)]
    statements = _attach_quotes(a, statements)
    return _named(Extraction(
        article=article,
        entities=build_entities(a, model_only=sentence_mode),
        roles=people.roles(a.chains),
        statements=_unique(statements, lambda s: (s.speaker, s.speaker_desc, s.text)),
        figures=_distinct_figures(figures),
        agreements=_unique(agreements, lambda g: (tuple(g.parties), g.counterpart)),
    ), article_names(a))


def _named(x: Extraction, names: dict[str, str]) -> Extraction:
    """Every fact calls an organisation by the name the article uses for it."""
    if not names:
        return x
    n = lambda name: names.get(name, name) if name else name  # noqa: E731
    for e in x.entities:
        e.name = n(e.name)
    x.roles = [replace(r, org=n(r.org)) for r in x.roles]
    for s in x.statements:
        s.about = [n(o) for o in s.about]
        s.speaker_org = n(s.speaker_org)
    for f in x.figures:
        f.subject = n(f.subject)
    for g in x.agreements:
        g.parties = [n(p) for p in g.parties]
        g.counterpart = n(g.counterpart)
    return x


def extract_paths(paths: Iterable[str]) -> Iterator[Extraction | InputError]:
    """Extractions of every article under `paths`; unreadable files come out as InputError."""
    for _, result in extract_batched(read_paths(paths)):
        yield result


def extract_batched(items: Iterable[Article | InputError], sentence_mode: bool = False, batch_size: int = 64,
                    ) -> Iterator[tuple[Article | InputError, Extraction | InputError]]:
    """Each item with its extraction (an unreadable item with itself), in order.

    The NER runs once per batch of articles: one nlp.pipe over many sentences
    is several times faster than a call per sentence (kg extract --lines).
    """
    items = iter(items)
    while batch := list(islice(items, batch_size)):
        articles = [item for item in batch if isinstance(item, Article)]
        try:
            prepared: Iterator[Prepared | None] = iter(_prepare(articles))
        except Exception:  # noqa: BLE001 - each article then meets the error alone, in safe_extract
            prepared = iter([None] * len(articles))
        for item in batch:
            yield item, (item if isinstance(item, InputError) else safe_extract(item, sentence_mode, next(prepared)))


def _prepare(articles: list[Article]) -> list[Prepared]:
    """Each article's sentences, with the NER run once over all of them."""
    spans = [sentences(article) for article in articles]
    hits = iter(model_entities([s.text for ss in spans for s in ss]))
    return [(ss, [next(hits) for _ in ss]) for ss in spans]


def safe_extract(article: Article, sentence_mode: bool = False,
                 prepared: Prepared | None = None) -> Extraction | InputError:
    """extract(), with a failure reported against the article instead of ending the batch."""
    try:
        return extract(article, sentence_mode, prepared)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the others
        return InputError(article.doc, f"extraction failed: {type(exc).__name__}: {exc}")


def _with_chain_orgs(orgs: list[Hit], chains: list[people.Chain]) -> list[Hit]:
    """Organisations as title chains read them: unknown ones added, legal tails (华为终端有限公司) kept."""
    extra = list(dict.fromkeys(c.org for c in chains if c.org is not None and not c.org_is_reference
                               and c.org not in orgs))
    kept = [o for o in orgs if not any(e.start <= o.start and o.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda h: h.start)


def _outside(article: Article, spans: list[Span]) -> tuple[list[Hit], list[Hit]]:
    """Organisations and bylined people named only outside the kept sentences.

    A publisher's footer is dropped as boilerplate, yet 本文搜狐IT首发 still names
    搜狐 and 【编辑:陈静】 still names a person. Offsets are into the article text.
    """
    body = normalise(article.body)
    covered = [(s.start - article.body_start, s.end - article.body_start) for s in spans]
    orgs = organisations(body, segment.boundaries(body))
    persons = [c.person for c in people.marked_persons(body, orgs)]
    shift = article.body_start
    return tuple(  # type: ignore[return-value]
        [Hit(h.start + shift, h.end + shift, h.label, h.name, h.text) for h in hits
         if not any(s <= h.start and h.end <= e for s, e in covered)]
        for hits in (orgs, persons))


def _attach_quotes(a: Analysis, statements: list[Statement]) -> list[Statement]:
    """A sentence that is only a quotation belongs to the speaker who opens the next sentence.

    “京东要做一个互联网化的通讯运营商”。京东移动转售事业部总经理闫小波对通信生活报表示，……
    """
    out = list(statements)
    by_sentence = {s.start: s for s in statements}
    for prev, nxt in zip(a.sentences, a.sentences[1:]):
        quote = _whole_quotation(prev.span.text)
        if quote is None or "\n" in a.article.text[prev.span.end:nxt.span.start]:
            continue  # a quotation that ends its paragraph belongs with what came before
        first = next((s for s in statements if nxt.span.start <= s.start < nxt.span.end), None)
        if first is None or not _opens_with_speaker(nxt.span.text, first.start - nxt.span.start):
            continue
        s, e = quote
        start = prev.span.start + s
        if start in by_sentence:
            continue
        out.append(Statement(first.speaker, first.speaker_desc, first.cue, prev.span.text[s:e], [],
                             start, prev.span.start + e, prev.span.text, first.speaker_org))
        out[-1].about = a.about(prev, s, e, out[-1])
    return sorted(out, key=lambda s: s.start)


def _whole_quotation(text: str) -> tuple[int, int] | None:
    t = text.rstrip("。 ")
    if not t or t[0] != "“" or t[-1] != "”":
        return None
    quotes, _ = nesting(t)
    if any(q == 0 for q in quotes[:-1]):
        return None
    return 1, len(t) - 1


def _opens_with_speaker(text: str, content_start: int) -> bool:
    """The first statement's cue sits in the first clause: the sentence opens with its speaker."""
    head = text[:content_start]
    return head.count("，") <= 1 and "“" not in head


def _distinct_figures(figures: list[Figure]) -> list[Figure]:
    """A figure restated is the same fact: 约20万个 then 不止20万 (its unit only inferred)."""
    def written(f: Figure) -> bool:
        return f.unit is not None and (f.unit in f.text or f.unit == "%")

    kept: list[Figure] = []
    for f in figures:
        if not any(g.value == f.value and (g.unit == f.unit or not written(f) or not written(g)) for g in kept):
            kept.append(f)
    return kept


def _unique(items: list, key) -> list:
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


"""Extraction of one article: organisations, people, roles, statements, figures, agreements.

The stages run in two passes over the article's sentences. The first
(context.read_context) finds organisations, titles and title chains, so that
every person introduced anywhere is known; the second runs the relation
stages on each sentence, now able to recognise a bare name (闫小波对通信生活报表示)
or a short form (王总): speech, figures, agreements. resolve.assemble makes
the Extraction. This module only orchestrates, and batches the NER.
Reads: Articles. Provides: their Extractions (every stage run in order).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from pipeline.read.articles import read_paths
from pipeline.read.clean import sentences
from pipeline.read.script import as_written, staged
from pipeline.recognise.context import read_context
from pipeline.recognise.model import model_entities
from pipeline.records import Agreement, Article, Extraction, Figure, Hit, InputError, Span, Statement
from pipeline.relate.agreements import sentence_agreements
from pipeline.relate.figures import next_topic, sentence_figures
from pipeline.relate.speech.continuation import run_on
from pipeline.relate.speech.statements import Discourse, attach_quotes, sentence_statements
from pipeline.resolve import assemble

Prepared = tuple[list[Span], list[list[Hit]]]  # an article's sentences and the NER's hits in each


def extract(article: Article, sentence_mode: bool = False, prepared: Prepared | None = None) -> Extraction:
    """Everything the pipeline finds in one article.

    `sentence_mode` is for a document that is one sentence out of context (kg
    extract --lines): its entities are the trained model's, of the kinds its
    training text gives them (known_kinds), and the companies it missed that
    are companies in any context (with_missed), see resolve.build_entities.
    `prepared` is what a batch already read of the article (extract_batched).
    The stages read the article in simplified characters (script.staged); the Extraction points into
    the text as written.
    """
    read, simplified = staged(article)
    spans, model = prepared or _prepare([article])[0]
    ctx = read_context(read, spans, model, sentence_mode)
    discourse = Discourse(ctx.known_persons)
    persons: list[tuple[Hit, ...]] = []
    statements: list[Statement] = []
    figures: list[Figure] = []
    agreements: list[Agreement] = []
    topic: str | None = None  # the company figures measure when their sentence names none
    for sent in ctx.sentences:
        speech = sentence_statements(sent, ctx, discourse)
        discourse = speech.discourse
        persons.append(speech.persons)
        statements += speech.statements
        figures += sentence_figures(sent, ctx, topic, list(speech.statements))
        topic = next_topic(sent, topic)
        agreements += sentence_agreements(sent)
    statements = run_on(ctx, attach_quotes(ctx, statements))
    found = assemble(ctx, persons, statements, figures, agreements, model_only=sentence_mode)
    return as_written(found, article, simplified, spans) if simplified else found


def extract_paths(paths: Iterable[str]) -> Iterator[Extraction | InputError]:
    """Extractions of every article under `paths`; unreadable files come out as InputError."""
    for _, result in extract_batched(read_paths(paths)):
        yield result


def extract_batched(
    items: Iterable[Article | InputError],
    sentence_mode: bool = False,
    batch_size: int = 64,
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
        _keep_loaded()
        for item in batch:
            yield item, (item if isinstance(item, InputError) else safe_extract(item, sentence_mode, next(prepared)))


@lru_cache(maxsize=1)
def _keep_loaded() -> None:
    """Once per process, when the NER, the dictionaries and the lexicon are loaded: what is alive now lives
    as long as the process, so the garbage collector's full passes stop walking it (gc.freeze; they took
    a fiftieth of an extraction's time)."""
    gc.freeze()


def _prepare(articles: list[Article]) -> list[Prepared]:
    """Each article's sentences (as the stages read them), with the NER run once over all of them."""
    spans = [sentences(staged(article)[0]) for article in articles]
    hits = iter(model_entities([s.text for ss in spans for s in ss]))
    return [(ss, [next(hits) for _ in ss]) for ss in spans]


def safe_extract(
    article: Article, sentence_mode: bool = False, prepared: Prepared | None = None
) -> Extraction | InputError:
    """extract(), with a failure reported against the article instead of ending the batch."""
    try:
        return extract(article, sentence_mode, prepared)
    except InputError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the others
        return InputError(article.doc, f"extraction failed: {type(exc).__name__}: {exc}")

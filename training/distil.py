"""Self-training: several teachers label unlabelled news, one student learns from their vote.

Ten thousand labelled sentences show each company or agency name a few times
at most; the models disagree most on names they have not seen.  A majority
of independently trained teachers is right more often than any one of them
(about two points of dev F1 on company and government), and a student that
learns their agreed spans over millions of characters of news inherits much
of that while staying one model, as fast as before.  Spans the teachers
dispute are marked *missing* (unknown) rather than outside, so the student is
neither taught them nor taught against them.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from pipeline import ner

from . import vectors
from .docs import Span, first_longest, reference_doc

_CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_CHARS, MAX_CHARS = 15, 150  # sentence-like pieces; headlines and tables are shorter or longer


def unlabelled(texts: Iterable[str], budget: int, exclude: set[str], seed: int = 7) -> list[str]:
    """Distinct, mostly-Chinese sentence pieces of the news, shuffled, up to
    ``budget`` characters; none of ``exclude`` (the dev split)."""
    seen: set[str] = set()
    pool = []
    for piece in vectors.sentences(texts):
        if (
            MIN_CHARS <= len(piece) <= MAX_CHARS
            and piece not in seen
            and piece not in exclude
            and len(_CJK.findall(piece)) > len(piece) / 2
        ):
            seen.add(piece)
            pool.append(piece)
    random.Random(seed).shuffle(pool)
    picked, total = [], 0
    for piece in pool:
        if total >= budget:
            break
        picked.append(piece)
        total += len(piece)
    return picked


def vote(predictions: Sequence[Sequence[Span]], quorum: int) -> tuple[list[Span], list[int]]:
    """Spans at least ``quorum`` teachers predicted exactly (label included),
    non-overlapping (docs.first_longest); and the char offsets other
    predictions touch outside those spans (the disputed ones)."""
    votes = Counter(tuple(span) for spans in predictions for span in spans)
    agreed = first_longest(s for s, n in votes.items() if n >= quorum)
    covered = {i for start, stop, _ in agreed for i in range(start, stop)}
    disputed = {i for (start, stop, _), n in votes.items() if n < quorum for i in range(start, stop)}
    return agreed, sorted(disputed - covered)


def label(texts: list[str], teachers: Sequence[Path], quorum: int) -> Iterable[Doc]:
    """The teachers' vote over ``texts`` as reference Docs."""
    predictions = [ner.recognise(texts, model=ner.load(model)) for model in teachers]
    vocab = Vocab()
    for i, text in enumerate(texts):
        yield reference_doc(vocab, text, *vote([p[i] for p in predictions], quorum))


def write_student_data(gold: Path, pseudo: Iterable[Doc], path: Path, gold_repeats: int) -> dict:
    """Gold training docs (repeated, so they keep their weight beside the
    larger pseudo-labelled set) plus the pseudo-labelled docs, as one DocBin."""
    vocab = Vocab()
    gold_docs = list(DocBin().from_disk(gold).get_docs(vocab))
    pseudo_docs = list(pseudo)
    DocBin(docs=[*gold_docs * gold_repeats, *pseudo_docs]).to_disk(path)
    return {
        "gold": len(gold_docs),
        "pseudo": len(pseudo_docs),
        "pseudo_entities": sum(len(d.ents) for d in pseudo_docs),
    }


def read_excluded(dev: Path) -> set[str]:
    """The dev split's sentences: should the news repeat one, it stays out of the student's data."""
    return {json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines()}

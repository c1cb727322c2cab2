"""What the NER's training text calls each name it labels, shipped beside the model.

The model finds a company it saw in training about 85 % of the time and often
has a seen name's span right but its kind wrong (立博 an organisation, 英特尔 a
place).  ``kg extract --lines`` uses this memory twice (pipeline/recognise/lines_rules.py):
a name labelled a company most times it occurs is a company where the model
has no span, and a model span gets the kind the training text gives its
surface most often, or for a surface it never labelled, the kind it nearly
always gives that ending (…法院 a government body, as CLUENER has it).
Training (``python -m training.train``) writes it as ``known_names.tsv``: the
surface, how often it occurs in the training text, and how often each label
was given it.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FILE = "known_names.tsv"
COMPANY_SHARE = 0.5  # 威廉 (a bookmaker in some lines, a first name in others) stays out
ENDING_CHARS = 3  # the longest ending that can decide a kind
ENDING_MIN = 10  # labelled names with that ending, at least
ENDING_SHARE = 0.9  # of them with one label, at least


@dataclass(frozen=True)
class KnownName:
    occurrences: int  # in the training text, labelled or not
    labels: dict[str, int]  # label -> times the training text gives it

    def kind(self, label: str) -> str:
        """The label given most often, if it outnumbers ``label``; else ``label``."""
        top, n = max(self.labels.items(), key=lambda item: item[1])
        return top if n > self.labels.get(label, 0) else label


def count(examples: Iterable[tuple[str, list[tuple[int, int, str]]]]) -> dict[str, KnownName]:
    """Every labelled surface of two chars or more in the examples (text, spans)."""
    texts: list[str] = []
    labels: dict[str, Counter[str]] = {}
    for text, spans in examples:
        texts.append(text)
        for start, end, label in spans:
            surface = text[start:end]
            if len(surface) >= 2 and not {"\t", "\n"} & set(surface):
                labels.setdefault(surface, Counter())[label] += 1
    corpus = "\n".join(texts)
    return {s: KnownName(corpus.count(s), dict(c)) for s, c in sorted(labels.items())}


def companies(names: dict[str, KnownName], share: float = COMPANY_SHARE) -> list[str]:
    """Names labelled a company at least ``share`` of the times they occur."""
    return [s for s, k in names.items() if k.labels.get("COMPANY", 0) >= share * k.occurrences]


def ending_kinds(
    names: dict[str, KnownName], min_count: int = ENDING_MIN, share: float = ENDING_SHARE
) -> dict[str, str | None]:
    """Endings (up to ENDING_CHARS, shorter than the name) of at least ``min_count``
    labelled names, each with the label at least ``share`` of them have, else None."""
    counts: dict[str, Counter[str]] = {}
    for surface, k in names.items():
        for n in range(1, min(ENDING_CHARS, len(surface) - 1) + 1):
            counts.setdefault(surface[-n:], Counter()).update(k.labels)
    kinds: dict[str, str | None] = {}
    for ending, c in counts.items():
        total = c.total()
        if total >= min_count:
            top, n = c.most_common(1)[0]
            kinds[ending] = top if n >= share * total else None
    return kinds


def ending_kind(kinds: dict[str, str | None], surface: str) -> str | None:
    """The kind the longest of ``surface``'s endings in ``kinds`` gives it (None: it decides none)."""
    for n in range(min(ENDING_CHARS, len(surface) - 1), 0, -1):
        if surface[-n:] in kinds:
            return kinds[surface[-n:]]
    return None


def write(path: Path, names: dict[str, KnownName]) -> None:
    path.write_text(
        "".join(
            f"{s}\t{k.occurrences}\t" + ",".join(f"{lab} {n}" for lab, n in k.labels.items()) + "\n"
            for s, k in names.items()
        ),
        encoding="utf-8",
    )


@functools.lru_cache(maxsize=4)
def read(model: Path) -> dict[str, KnownName]:
    """The memory beside the model in folder ``model`` (none if it has no such file)."""
    path = model / FILE
    if not path.is_file():
        return {}
    names = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            surface, occurrences, labels = line.split("\t")
            names[surface] = KnownName(
                int(occurrences), {lab: int(n) for lab, n in (pair.split(" ") for pair in labels.split(","))}
            )
        except ValueError:
            raise ValueError(f"{path}:{number}: not 'name<TAB>occurrences<TAB>LABEL n,...'") from None
    return names

"""The domain lexicon: gazetteer and word lists from ``pipeline/data/``.

Domain knowledge lives in those data files so it can grow without code changes;
this module only parses and validates them (a bad entry fails loudly at start-up,
naming the file, rather than silently mis-tagging articles later) and builds the
lookup tables the recognisers share.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from pipeline.language import datafiles, grammar
from pipeline.messages import quoted
from pipeline.records import ORG_LABELS

DATA_DIR = datafiles.data_dir()
ORG_TYPES = frozenset({"mvno", "operator", "regulator", "association", "research", "consultancy", "media", "company"})
VERB_FLAGS = frozenset({"strong", "post"})

# jieba user-dictionary frequencies: high enough that a listed word beats the split
# jieba's own dictionary would choose.
ORG_FREQ, TITLE_FREQ, VERB_FREQ = 50000, 20000, 20000


@dataclass(frozen=True)
class OrgRecord:
    name: str
    type: str
    label: str
    mvno: bool
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Unambiguous surface forms: the canonical name and its aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class SpeechVerb:
    word: str
    strong: bool  # a reported act of saying, not an opinion or estimate
    post: bool  # can follow its quote: “……”王帅说


@dataclass(frozen=True, eq=False)
class Lexicon:
    orgs: tuple[OrgRecord, ...]
    alias_index: Mapping[str, OrgRecord]  # name and every alias -> record
    weak_alias_index: Mapping[str, OrgRecord]  # ambiguous words; need context
    titles: frozenset[str]
    titles_by_length: tuple[str, ...]  # longest first, for greedy matching
    speech_verbs: Mapping[str, SpeechVerb]
    speech_verbs_by_length: tuple[str, ...]  # longest first
    anonymous: tuple[re.Pattern[str], ...]
    surnames: frozenset[str]
    max_surname_len: int
    org_suffixes: Mapping[str, str]  # suffix -> label
    org_suffixes_by_length: tuple[str, ...]  # longest first
    not_names: frozenset[str]
    places: frozenset[str]  # China's provinces and cities by their short names (包头, 银川)

    def org(self, text: str) -> OrgRecord | None:
        """The organisation an unambiguous surface form names, if any."""
        return self.alias_index.get(text)

    def org_suffix(self, name: str) -> str | None:
        """The longest organisation suffix ``name`` ends with, after a non-empty stem."""
        return next((s for s in self.org_suffixes_by_length if name.endswith(s) and len(name) > len(s)), None)

    def org_suffix_label(self, name: str) -> str | None:
        """The label that suffix implies (…银行 COMPANY, …管理局 GOVERNMENT), if any."""
        suffix = self.org_suffix(name)
        return self.org_suffixes[suffix] if suffix else None

    def is_media(self, name: str) -> bool:
        """An outlet: named as a source of news, it is no subject of the news (about, figures). One the
        gazetteer lacks is named as an outlet is (浙江广播电视台, 某某总台经济之声, 某某台公共频道)."""
        rec = self.org(name)
        if rec is not None:
            return rec.type == "media"
        g = grammar.load()
        return name.endswith(g.local_outlets + g.channel_words)

    def jieba_userdict_lines(self) -> Iterator[str]:
        """Lines ``word freq tag`` for ``jieba.load_userdict`` so domain words stay whole.

        Organisations are tagged ``nt``, titles ``title``, speech verbs ``v``. Weak
        aliases are left out (jieba already knows 移动, 联通 as ordinary words), and so
        are forms with spaces, which jieba's dictionary format cannot hold.
        """
        entries = [(form, ORG_FREQ, "nt") for org in self.orgs for form in org.forms]
        entries += [(t, TITLE_FREQ, "title") for t in self.titles_by_length]
        entries += [(v, VERB_FREQ, "v") for v in self.speech_verbs_by_length]
        seen: set[str] = set()
        for word, freq, tag in entries:
            if word in seen or any(c.isspace() for c in word):
                continue
            seen.add(word)
            yield f"{word} {freq} {tag}"


@functools.cache
def load() -> Lexicon:
    """The lexicon from the package's data files, parsed once per process."""
    return load_from(DATA_DIR)


def load_from(data_dir: Path) -> Lexicon:
    """Parse and validate the lexicon files in ``data_dir``; ValueError names the bad file."""
    orgs = _read_orgs(data_dir / "orgs.yaml")
    alias_index, weak_index = _index_orgs(orgs, data_dir / "orgs.yaml")
    titles = _read_titles(data_dir / "titles.txt")
    verbs = _read_verbs(data_dir / "speech_verbs.txt")
    suffixes = _read_suffixes(data_dir / "org_suffixes.txt")
    surnames = _read_surnames(data_dir / "surnames.txt")
    not_names_path = data_dir / "not_names.txt"
    return Lexicon(
        orgs=orgs,
        alias_index=MappingProxyType(alias_index),
        weak_alias_index=MappingProxyType(weak_index),
        titles=frozenset(titles),
        titles_by_length=_longest_first(titles),
        speech_verbs=MappingProxyType(verbs),
        speech_verbs_by_length=_longest_first(verbs),
        anonymous=_read_anonymous(data_dir / "anonymous_sources.txt"),
        surnames=frozenset(surnames),
        max_surname_len=max(map(len, surnames)),
        org_suffixes=MappingProxyType(suffixes),
        org_suffixes_by_length=_longest_first(suffixes),
        not_names=frozenset(_lines(not_names_path)) if not_names_path.exists() else frozenset(),
        places=frozenset(word for line in _lines(data_dir / "places.txt") for word in line.split()),
    )


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _lines(path: Path) -> Iterator[str]:
    return datafiles.lines(path.name, path.parent)


def _fail(path: Path, reason: str) -> ValueError:
    return ValueError(f"{quoted(str(path))}: {reason}")


def _read_orgs(path: Path) -> tuple[OrgRecord, ...]:
    data = datafiles.load_yaml(path.name, path.parent)
    if not isinstance(data, list):
        raise _fail(path, "expected a list of organisations")
    records = []
    for entry in data:
        if not isinstance(entry, dict) or not entry.get("name"):
            raise _fail(path, f"entry without a name: {entry!r}")
        name = str(entry["name"])
        unknown = set(entry) - {"name", "type", "label", "mvno", "aliases", "weak_aliases"}
        if unknown:
            raise _fail(path, f"{name}: unknown fields {sorted(unknown)}")
        if entry.get("type") not in ORG_TYPES:
            raise _fail(path, f"{name}: type {entry.get('type')!r} is not one of {sorted(ORG_TYPES)}")
        if entry.get("label") not in ORG_LABELS:
            raise _fail(path, f"{name}: label {entry.get('label')!r} is not one of {sorted(ORG_LABELS)}")
        if not isinstance(entry.get("mvno"), bool):
            raise _fail(path, f"{name}: mvno must be true or false")
        if entry["mvno"] != (entry["type"] == "mvno"):
            raise _fail(path, f"{name}: mvno: true goes with type: mvno and only with it")
        records.append(
            OrgRecord(
                name=name,
                type=entry["type"],
                label=entry["label"],
                mvno=entry["mvno"],
                aliases=tuple(str(a) for a in entry.get("aliases") or ()),
                weak_aliases=tuple(str(a) for a in entry.get("weak_aliases") or ()),
            )
        )
    return tuple(records)


def _index_orgs(orgs: tuple[OrgRecord, ...], path: Path) -> tuple[dict[str, OrgRecord], dict[str, OrgRecord]]:
    """Every surface form -> its organisation; a form claimed twice is an error."""
    strong: dict[str, OrgRecord] = {}
    weak: dict[str, OrgRecord] = {}
    for org in orgs:
        for form, index in [(f, strong) for f in org.forms] + [(f, weak) for f in org.weak_aliases]:
            owner = strong.get(form) or weak.get(form)
            if owner is not None:
                raise _fail(
                    path,
                    f"alias {form!r} is listed for both {owner.name} and {org.name}"
                    if owner is not org
                    else f"alias {form!r} is listed twice for {org.name}",
                )
            index[form] = org
    return strong, weak


def _read_titles(path: Path) -> list[str]:
    titles: list[str] = []
    for line in _lines(path):
        if line in titles:
            raise _fail(path, f"{line!r} is listed twice")
        titles.append(line)
    if not titles:
        raise _fail(path, "no titles")
    return titles


def _read_verbs(path: Path) -> dict[str, SpeechVerb]:
    verbs: dict[str, SpeechVerb] = {}
    for line in _lines(path):
        word, *rest = line.split()
        flags = set(rest[0].split(",")) if rest else set()
        if len(rest) > 1 or flags - VERB_FLAGS:
            raise _fail(path, f"{word}: flags must be a comma-separated subset of {sorted(VERB_FLAGS)}")
        if word in verbs:
            raise _fail(path, f"{word!r} is listed twice")
        verbs[word] = SpeechVerb(word, strong="strong" in flags, post="post" in flags)
    return verbs


def _read_anonymous(path: Path) -> tuple[re.Pattern[str], ...]:
    patterns = []
    for line in _lines(path):
        source = line[3:] if line.startswith("re:") else re.escape(line)
        try:
            patterns.append(re.compile(source))
        except re.error as exc:
            raise _fail(path, f"bad pattern {line!r}: {exc}") from exc
    return tuple(patterns)


def _read_surnames(path: Path) -> list[str]:
    surnames = list(_lines(path))
    bad = [s for s in surnames if not 1 <= len(s) <= 2]
    if bad or not surnames:
        raise _fail(path, f"surnames must be 1-2 characters: {bad[:5]}")
    if len(set(surnames)) != len(surnames):
        raise _fail(path, "a surname is listed twice")
    return surnames


def _read_suffixes(path: Path) -> dict[str, str]:
    suffixes: dict[str, str] = {}
    for line in _lines(path):
        parts = line.split()
        if len(parts) != 2 or parts[1] not in ORG_LABELS:
            raise _fail(path, f"expected SUFFIX LABEL with LABEL in {sorted(ORG_LABELS)}: {line!r}")
        if parts[0] in suffixes:
            raise _fail(path, f"{parts[0]!r} is listed twice")
        suffixes[parts[0]] = parts[1]
    return suffixes

"""Recognition: organisations, titles, people and anonymous sources in one sentence.

Gazetteer matches keep their canonical names; people are found from context
(a title right before a name, a name right before a speech verb), never from
a list of names. Offsets in a Hit are relative to the sentence text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from . import grammar, known, lexicon, segment
from .records import LABELS, ORG_LABELS
from .text import without_loose_marks

CJK = r"\u4e00-\u9fff"
PROPER_TAGS = frozenset({"ns", "nz", "nt", "nr", "nrt", "nrfg", "j", "eng", "x"})  # jieba: names, not common words


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    label: str  # COMPANY, GOVERNMENT, ORGANIZATION, POSITION, PERSON, or ANON for unnamed sources
    name: str  # canonical name (organisations), the title, the person's name, or the source as written
    text: str


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon.load()
    g = grammar.load()
    return {
        "org": re.compile(_alternation(lex.alias_index)),
        "weak_org": re.compile(_alternation(lex.weak_alias_index)),
        "org_tail": re.compile(_alternation(g.company_tails)),
        "near_tail": re.compile(rf"[{CJK}]{{0,4}}?({_alternation(g.company_tails)})"),
        "legal": re.compile(rf"[{CJK}A-Za-z0-9（）()]{{2,24}}?(?:{_alternation(g.legal_tails)})"),
        "short_name": re.compile(rf"[（(](?:{_alternation(g.short_name_markers)})[“\"]?([{CJK}A-Za-z0-9]{{2,10}})[”\"]?[）)]"),
        "title": re.compile(_alternation(lex.titles)),
        "brand": re.compile(_alternation(g.brand_suffixes)),
        "branch_tail": re.compile(rf"[{CJK}]{{0,6}}?(?:{_alternation(g.branch_suffixes)})"),
        "unit_tail": re.compile(rf"[{CJK}]{{0,6}}?(?:{_alternation(g.unit_suffixes)})"),
        "anon": re.compile("|".join(p.pattern for p in lex.anonymous)),
    }


def organisations(text: str, bounds: frozenset[int], local: dict[str, Hit] | None = None) -> list[Hit]:
    """Organisations in a sentence: legal names, gazetteer names, names the article defined,
    operators' bare names in context, jieba's dictionary organisations and coined brand names.

    `local` maps short names an article introduced (以下简称“华信智联”) to their
    organisation; new definitions found here are added to it.
    """
    local = {} if local is None else local
    hits = _legal_names(text, local)
    hits += _gazetteer(text, bounds, hits)
    for name, ref in local.items():
        for m in re.finditer(re.escape(name), text):
            if not _overlaps(m.start(), m.end(), hits):
                hits.append(Hit(m.start(), m.end(), ref.label, ref.name, name))
    hits += _weak_aliases(text, bounds, hits)
    hits += _dictionary_orgs(text, hits)
    hits += _brand_names(text, bounds, hits)
    return sorted(hits, key=lambda h: h.start)


def _dictionary_orgs(text: str, taken: list[Hit]) -> list[Hit]:
    """Organisations jieba's dictionary knows (中国工商银行), or a place and such a word
    (南京市 + 公安局), with a unit after them (南京市公安局反诈骗中心)."""
    lex = lexicon.load()
    g = grammar.load()
    out = []
    words = segment.words(text)
    for i, (word, start, end) in enumerate(words):
        if segment.dictionary_tag(word) != "nt" or word in g.not_orgs or word in lex.alias_index:
            continue
        if i > 0 and segment.dictionary_tag(words[i - 1][0]) == "ns":
            start = words[i - 1][1]  # 南京市公安局
        elif len(word) < 4:
            continue
        if _overlaps(start, end, taken) or _in_compound(text, start, end):  # the gazetteer has had its say
            continue
        unit = _patterns()["unit_tail"].match(text, end)
        end = unit.end() if unit else end
        label = lex.org_suffix_label(word) or "ORGANIZATION"
        out.append(Hit(start, end, label, text[start:end], text[start:end]))
    return out


def _brand_names(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    """星联通信, 瀚海互联, 云途科技: a rare word (a coined name) before a company suffix."""
    g = grammar.load()
    out: list[Hit] = []
    for m in _patterns()["brand"].finditer(text):
        p = m.start()
        if p not in bounds or _overlaps(p, m.end(), taken + out):
            continue
        for k in (4, 3, 2):
            s = p - k
            head = text[max(s, 0):p]
            if (s < 0 or s not in bounds or not re.fullmatch(rf"[{CJK}]+", head) or head[0] in g.org_stop_prefixes
                    or head.endswith(g.unit_suffixes)):
                continue
            words = [w for w, _, _ in segment.words(head)]
            if len(words) > 2 or any(len(w) < 2 or segment.frequency(w) >= g.rare_word_freq
                                     or (segment.dictionary_tag(w) or "").startswith("v") for w in words):
                continue  # 移动通信, 一家科技: common words; 手握移动: a verb
            name = head + m.group()
            if name not in g.not_orgs and not _overlaps(s, m.end(), taken) and not _in_compound(text, s, m.end()):
                out.append(Hit(s, m.end(), "COMPANY", name, name))
                break
    return out


def _gazetteer(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    lex = lexicon.load()
    pats = _patterns()
    hits = []
    for m in pats["org"].finditer(text):
        alias = m.group()
        if len(alias) <= 2 and not (m.start() in bounds and m.end() in bounds):
            continue
        if _overlaps(m.start(), m.end(), taken) or _in_compound(text, m.start(), m.end()):
            continue
        rec = lex.alias_index[alias]
        end = _yield_to_title(text, m.start(), m.end(), rec)
        tail = pats["org_tail"].match(text, end) or pats["branch_tail"].match(text, end)
        if tail:  # 迪信通公司, 京东集团, 中国联通浙江省分公司: the same organisation, the mention takes the tail
            end = tail.end()
        hits.append(Hit(m.start(), end, rec.label, rec.name, text[m.start():end]))
    return hits


def _weak_aliases(text: str, bounds: frozenset[int], taken: list[Hit]) -> list[Hit]:
    """联通, 移动: an operator's bare name counts only beside another operator, or before
    公司/集团 or 方面 (联通方面表示)."""
    lex = lexicon.load()
    pats = _patterns()
    found = []
    for m in pats["weak_org"].finditer(text):
        if not (m.start() in bounds and m.end() in bounds) or _overlaps(m.start(), m.end(), taken):
            continue
        if _in_compound(text, m.start(), m.end()):
            continue
        rec = lex.weak_alias_index[m.group()]
        found.append((m, rec))
    hits = []
    for m, rec in found:
        peers = [h for h in taken if (lex.org(h.name) or rec).type == rec.type and h.name != rec.name]
        peers += [r for _, r in found if r.type == rec.type and r is not rec]
        tail = pats["org_tail"].match(text, m.end())
        if peers or tail or text.startswith(grammar.load().org_side_words, m.end()):
            end = tail.end() if tail else m.end()
            hits.append(Hit(m.start(), end, rec.label, rec.name, text[m.start():end]))
    return hits


def _legal_names(text: str, local: dict[str, Hit]) -> list[Hit]:
    """Registered names (深圳华信智联通信科技有限公司): the gazetteer's organisation if it names one, else a new one."""
    lex = lexicon.load()
    hits = []
    for m in _patterns()["legal"].finditer(text):
        start = _legal_start(text, m.start(), m.end())
        name = text[start:m.end()]
        tail = next((t for t in grammar.load().legal_tails if name.endswith(t)), None)
        if tail is None or len(name) - len(tail) < 2:
            continue
        known = next((lex.alias_index[a] for a in _aliases_in(name)), None)
        short = _patterns()["short_name"].match(text, m.end())
        if known is not None:
            hit = Hit(start, m.end(), known.label, known.name, name)
        else:
            canonical = short.group(1) if short else name
            label = lex.org_suffix_label(name) or "COMPANY"
            hit = Hit(start, m.end(), label, canonical, name)
        hits.append(hit)
        if short:
            local[short.group(1)] = hit
            hits.append(Hit(short.start(1), short.end(1), hit.label, hit.name, short.group(1)))
    return hits


def _legal_start(text: str, start: int, end: int) -> int:
    """Drop the verbs and function words a greedy match takes in before the name (收购, 是, 与)."""
    stops = grammar.load().org_stop_prefixes
    tail = next(t for t in grammar.load().legal_tails if text.endswith(t, 0, end))
    i = end - len(tail)
    while i > start and text[i - 1] not in stops:
        i -= 1
    for word, flag, pos in segment.tagged(text[i:end]):
        if flag[:1] in ("v", "p", "c", "d", "r", "u") and word not in grammar.load().legal_tails:
            i = i + pos + len(word)
            continue
        break
    return i


def _aliases_in(name: str):
    return (m.group() for m in _patterns()["org"].finditer(name))


def _in_compound(text: str, start: int, end: int) -> bool:
    """中国移动|转售: the name's last characters begin a domain term that runs past it."""
    for term in grammar.load().compound_terms:
        for k in range(1, len(term)):
            if end - k >= start and text.startswith(term, end - k) and len(term) > k:
                return True
    return False


def title_within(text: str, start: int, end: int) -> bool:
    """A title in text[start:end] with no punctuation before it."""
    m = _patterns()["title"].search(text, start, end)
    return m is not None and not any(ch in "，,。；;：:“”（）()、" for ch in text[start:m.start()])


def _yield_to_title(text: str, start: int, end: int, rec) -> int:
    """易观分析师: the alias 易观分析 gives way to 易观 + 分析师 when a title runs past it."""
    lex = lexicon.load()
    for p in range(start + 1, end):
        t = _patterns()["title"].match(text, p)
        if t and t.end() > end and lex.alias_index.get(text[start:p]) is rec:
            return p
    return end


def titles(text: str, taken: list[Hit], model: list[Hit] = ()) -> list[Hit]:
    """Job titles not inside an organisation's name: the list's, and new ones the model reads."""
    hits = []
    for m in _patterns()["title"].finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        hits.append(Hit(m.start(), m.end(), "POSITION", m.group(), m.group()))
    hits += [h for h in model if h.label == "POSITION" and not _overlaps(h.start, h.end, taken + hits)]
    return _joined_titles(text, sorted(hits, key=lambda h: h.start))


def _joined_titles(text: str, hits: list[Hit]) -> list[Hit]:
    """创始人兼CEO, 董事长、总经理: titles one person holds together are one title."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and text[prev.end:h.start] in grammar.load().title_joiners:
            out[-1] = Hit(prev.start, h.end, "POSITION", text[prev.start:h.end], text[prev.start:h.end])
        else:
            out.append(h)
    return out


def model_entities(texts: list[str]) -> list[list[Hit]]:
    """The trained NER's spans for each text (pipeline/ner.py), organisations' kinds per
    org_kind, companies run on to their tails (company_end)."""
    from . import ner

    return [model_hits(text, spans) for text, spans in zip(texts, ner.recognise(texts))]


def model_hits(text: str, spans: list[tuple[int, int, str]]) -> list[Hit]:
    """The model's spans in ``text`` (in order, not overlapping) as Hits; a span a
    company ran on over is dropped (中储粮|黑龙江公司 is one company, not two)."""
    hits: list[Hit] = []
    for s, e, lab in spans:
        s, e = without_loose_marks(text, s, e)
        if s == e or (hits and s < hits[-1].end):
            continue
        kind = org_kind(text[s:e], lab)
        e = company_end(text, s, e) if kind == "COMPANY" else e
        hits.append(Hit(s, e, kind, text[s:e], text[s:e]))
    return hits


def with_missed(model: list[Hit], candidates: list[Hit]) -> list[Hit]:
    """The model's hits plus the candidates where it has no span (the first of
    overlapping candidates wins).

    On a sentence out of context the model leads (kg extract --lines); a
    candidate joins it only if it is right more often than F1/2 (about 0.36
    here), which is when an added span lifts F1: registered_names and
    known_company_mentions are, the other rules of article mode are not (README).
    """
    missed: list[Hit] = []
    for c in candidates:
        if not _overlaps(c.start, c.end, model + missed):
            missed.append(c)
    return sorted(model + missed, key=lambda h: h.start) if missed else model


def registered_names(orgs: list[Hit]) -> list[Hit]:
    """The registered names (…有限公司) among ``organisations``' hits: a company in any context."""
    tails = tuple(grammar.load().legal_tails)
    return [o for o in orgs if o.text.endswith(tails)]


def known_company_mentions(text: str, bounds: frozenset[int]) -> list[Hit]:
    """Companies the model's training text names as such (known.companies), as whole words."""
    from . import ner

    pattern = _known_pattern(ner.model_dir())
    if pattern is None:
        return []
    return [Hit(m.start(), m.end(), "COMPANY", m.group(), m.group()) for m in pattern.finditer(text)
            if m.start() in bounds and m.end() in bounds]


@lru_cache(maxsize=4)
def _known_pattern(model: Path) -> re.Pattern[str] | None:
    names = known.companies(known.read(model))
    return re.compile(_alternation(names)) if names else None


def known_kinds(hits: list[Hit]) -> list[Hit]:
    """The model's hits, each of the kind its training text gives the surface
    most often when that outnumbers the model's kind (立博 a company, not an
    organisation; 英特尔 not a place); one it mostly calls a book, a game or
    another kind kg does not report is dropped.  A surface it never labelled
    takes the kind its ending nearly always has there (…法院, …局: a government
    body), a person's name excepted (张建军 is no army).  For kg extract
    --lines: the memory is CLUENER's, its kinds its conventions."""
    from . import ner

    model = ner.model_dir()
    names, endings = known.read(model), _endings(model)
    kept: list[Hit] = []
    for h in hits:
        if h.text in names:
            kind = names[h.text].kind(h.label)
            if kind not in LABELS:
                continue
        else:
            by_ending = known.ending_kind(endings, h.text) if h.label != "PERSON" else None
            kind = by_ending if by_ending in LABELS else h.label
        kept.append(h if kind == h.label else replace(h, label=kind))
    return kept


@lru_cache(maxsize=4)
def _endings(model: Path) -> dict[str, str | None]:
    return known.ending_kinds(known.read(model))


def company_end(text: str, start: int, end: int) -> int:
    """Where a company's name ends: at the company tail after the model's span when only
    nouns lie between (派拉蒙|影片公司, 中储粮|黑龙江公司), not over a function word or a
    verb (腾讯|等公司, 中国银行|收购信托公司).

    The model often stops at the brand, while news (and CLUENER) name the
    company with its tail; a span not ending on a word boundary is left alone.
    """
    tail = _patterns()["near_tail"].match(text, end)
    if tail is None:
        return end
    for word, flag, pos in segment.tagged(text[start:tail.start(1)]):
        at = start + pos
        if at < end < at + len(word) or (at >= end and not flag.startswith("n")):
            return end
    return tail.end()


def org_kind(name: str, label: str) -> str:
    """The kind an organisation's suffix gives it (…银行 a company, …局 an agency), else ``label``;
    the gazetteer's kind, though, for a name it knows (中国人民银行 is the regulator, not a bank).

    The model often has an organisation's span right and its kind wrong, or
    takes a place-named organisation (上海永嘉投资管理公司) for the place.
    """
    if label in ORG_LABELS or label == "LOCATION":
        lex = lexicon.load()
        by_suffix = lex.org_suffix_label(name)
        entry = lex.org(name) if by_suffix else None
        return entry.label if entry else by_suffix or label
    return label


def model_organisations(text: str, model: list[Hit], known: list[Hit]) -> list[Hit]:
    """Organisations the model finds where the gazetteer and the rules found none.

    A span that is a gazetteer name with a company tail (苏宁互联公司) is that
    organisation; any other span must read as a proper name to count.
    """
    lex = lexicon.load()
    out = []
    for h in model:
        if h.label not in ORG_LABELS or _overlaps(h.start, h.end, known) or len(h.text) < 2:
            continue
        if _in_compound(text, h.start, h.end):  # 2017中国移动转售产业峰会
            continue
        if h.start not in segment.boundaries(text):  # 物|联网产业研究中心: cut inside a word
            continue
        if h.text in grammar.load().not_orgs or not re.search(rf"[{CJK}A-Za-z]", h.text):
            continue
        stem = _patterns()["org_tail"].sub("", h.text)
        rec = lex.alias_index.get(h.text) or lex.alias_index.get(stem)
        if rec is None and not _proper_org_name(h.text):
            continue
        out.append(Hit(h.start, h.end, rec.label if rec else h.label, rec.name if rec else h.text, h.text))
    return out


def _proper_org_name(name: str) -> bool:
    """A name, not a common noun: an organisation suffix after a proper word (星河互联, 澜拓科技,
    not 航空公司 or 监管部门)."""
    suffix = lexicon.load().org_suffix(name)
    if suffix is None:
        return False
    head = segment.tagged(name[:-len(suffix)])
    return bool(head) and head[0][1] in PROPER_TAGS


def model_persons(model: list[Hit], known: list[Hit]) -> list[Hit]:
    """People the model finds: surname-led names of two to four characters, outside organisations."""
    return [h for h in model if h.label == "PERSON" and _confirmed_name(h.text)
            and not _overlaps(h.start, h.end, known)]


def _confirmed_name(name: str) -> bool:
    """The model's name as the rules would cut it, and a name to jieba too (not 米粉, 韦总在, 冯静称)."""
    if (name in lexicon.load().not_names or name[-1] in grammar.load().one_char_short_forms
            or name_at(name + "。", 0) != len(name)):
        return False
    tags = segment.tagged(name)
    return len(tags) == 1 and tags[0][1].startswith("nr")


def anonymous_sources(text: str) -> list[Hit]:
    return [Hit(m.start(), m.end(), "ANON", m.group(), m.group())
            for m in _patterns()["anon"].finditer(text) if m.end() > m.start()]


def name_at(text: str, pos: int) -> int:
    """Length of a person's name starting at `pos` (0 when there is none).

    A surname from the list, then one or two given-name characters; where the
    characters run on, the name stops before a function word or a speech verb,
    and jieba decides between two and three characters.
    """
    lex = lexicon.load()
    if pos >= len(text):
        return 0
    sur = 2 if text[pos:pos + 2] in lex.surnames else 1 if text[pos] in lex.surnames else 0
    if not sur or text.startswith(grammar.load().honorifics, pos + sur):  # 刘先生 names nobody
        return 0
    given = 0
    while given < 2:
        i = pos + sur + given
        if i >= len(text) or not re.match(rf"[{CJK}]", text[i]) or _stops_name(text, i):
            break
        given += 1
    if given == 0:
        return 0
    if given == 2 and sur == 1 and not _stops_name(text, pos + 3):
        # 王帅今天表示: three free characters; trust jieba's word for the name
        for word, start, _ in segment.words(text[pos:pos + 8]):
            if start == 0:
                if len(word) == 2 and len(text) > pos + 3 and not _single_char_next(text, pos + 2):
                    return 2
                break
    return sur + given


def _single_char_next(text: str, pos: int) -> bool:
    words = segment.words(text[pos:pos + 6])
    return bool(words) and len(words[0][0]) == 1


def _stops_name(text: str, i: int) -> bool:
    lex = lexicon.load()
    if i >= len(text):
        return True
    if text[i] in grammar.load().name_stops:
        return True
    return any(text.startswith(v, i) for v in lex.speech_verbs_by_length if len(v) > 1) or \
        bool(_patterns()["title"].match(text, i))


def _overlaps(start: int, end: int, hits: list[Hit]) -> bool:
    return any(h.start < end and start < h.end for h in hits)

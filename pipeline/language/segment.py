"""Word segmentation: jieba's words, found with rjieba (jieba in Rust), and jieba's parts of speech.

Two dictionaries: jieba's own, whose words and parts of speech are the NER's features (the model
learnt them, ner.char_features), and the domain one, jieba's plus the lexicon's words, which the rules
read. jieba's cut is the dictionary's best route through the text, then its HMM's reading of the
single chars the route leaves; rjieba finds the route 16 times as fast, jieba's own HMM reads the
chars (rjieba's may settle a tie otherwise), and where rjieba's words do not show the route plainly
jieba cuts that run of the text itself (Segmenter): every cut is jieba's, which tests/language/test_segment.py
checks over generated text and every sentence the repo holds.

jieba's dictionary is read once per process: its word frequencies (from jieba's cache) start both
dictionaries, its parts of speech are those jieba.posseg reads on import. Tagging stays jieba.posseg's
(rjieba tags otherwise); it is five times slower than cutting, so it only runs on the short clauses
where a speaker is looked for.
"""

from __future__ import annotations

import logging
import marshal
import re
import tempfile
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pipeline.language import hmm_tags, hmm_words, lexicon

if TYPE_CHECKING:
    import jieba
    import jieba.posseg

# Chars of jieba's Han runs (jieba.re_han_default): its dictionary's words and its HMM's are made of these
_RUN_CHAR = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]")
# Where rjieba's route may be another than jieba's: a char rjieba reads as Han and jieba does not, or
# a few Han chars twice over (表表表: 表|表表 and 表表|表 are equally likely, and the two settle it apart)
_NO_PLAIN_ROUTE = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]|([\u4e00-\u9fd5]{1,4})\\1")
_ALNUM = re.compile("[a-zA-Z0-9]+")
# Chars jieba.posseg's runs (re_han_internal) leave out and jieba's cut's hold
_POSSEG_APART = re.compile("[%\\-]")
# A private-use char, so in no Han run: the word that gives rjieba's dictionary jieba's total (domain)
_SPARE_WORD = "\ue000"
# A sentence's end: chars jieba never joins into a word, a newline last (so never inside \r\n)
_SENTENCE_END = re.compile("[。！？；\n]+[”’」』）)】》]*")

Token = tuple[str, int, int]  # a word, its start and end in the text
_SINGLE, _NO_ROUTE, _ON_ROUTE = range(3)  # how Segmenter.route reads a word of rjieba's
_MAX_KINDS = 1 << 17  # words whose reading a Segmenter remembers


class _Cutter(Protocol):
    """An rjieba.Jieba, or the rjieba module (its own instance, with jieba's dictionary)."""

    def cut(self, text: str, hmm: bool = True) -> list[str]: ...


class Segmenter:
    """jieba's cut (jieba.Tokenizer.cut) with one dictionary.

    jieba's cut is the dictionary's best route through each run of its Han chars, the route's
    single chars then read by its HMM where two or more stand together (and are no word of the
    dictionary). rjieba's cut without its HMM is that route, 16 times as fast; the single chars go
    to jieba's own HMM (jieba.finalseg: rjieba's may settle a tie otherwise). Where the route is not
    plain from rjieba's words (a char rjieba reads as Han and jieba does not, letters and digits
    that are a word of the dictionary, a word of no route) or may be another (a tie: Han chars
    twice over), jieba cuts that run itself (`slow`)."""

    def __init__(self, fast: _Cutter, slow: Callable[[], jieba.Tokenizer]):
        self._fast, self._slow = fast, slow
        self._kinds: dict[str, int] = {}  # each word rjieba gave: how route() reads it (_kind)

    def lcut(self, text: str) -> list[str]:
        """The words of `text`."""
        words = self._from_route(text)
        return words if words is not None else self._by_run(text)

    def tokenize(self, text: str) -> list[Token]:
        """(word, start, end) for every word of `text`."""
        words = self.lcut(text)
        ends = list(accumulate(map(len, words)))
        return list(zip(words, [0, *ends[:-1]], ends))

    def route(self, text: str) -> list[tuple[str, bool]] | None:
        """The dictionary's route through `text` (jieba.Tokenizer.calc), from rjieba's: its words, and
        (marked True) the runs of single chars on it, which jieba reads with its HMM (jieba.Tokenizer.__cut_DAG);
        None where rjieba's words do not show it plainly."""
        if _NO_PLAIN_ROUTE.search(text):
            return None
        kinds = self._kinds
        out: list[tuple[str, bool]] = []
        single = ""  # the route's single chars so far, in this run of jieba's
        for word in self._fast.cut(text, hmm=False):
            kind = kinds.get(word)
            if kind is None:
                if len(kinds) >= _MAX_KINDS:  # numbers and names run on without end in a long ingest
                    kinds.clear()
                kind = kinds[word] = self._kind(word)
            if kind == _SINGLE:
                single += word  # rjieba, as jieba, joins the route's single letters and digits here
                continue
            if kind == _NO_ROUTE:
                return None
            if single:
                out.append((single, True))
                single = ""
            out.append((word, False))
        return out + [(single, True)] if single else out

    def _kind(self, word: str) -> int:
        """How route() reads a word of rjieba's: a single char of jieba's runs (or letters and digits the
        dictionary lacks), the end of any plain route (letters and digits a word of the dictionary; a word
        of no route), or a word on it (of the dictionary, a char outside jieba's runs, \\r\\n). A function
        of the word and the dictionary alone, so remembered per segmenter."""
        freq = self._slow().FREQ
        if (len(word) == 1 and _RUN_CHAR.match(word)) or (not freq.get(word) and _ALNUM.fullmatch(word)):
            return _SINGLE
        if len(word) > 1 and (_ALNUM.fullmatch(word) or not (freq.get(word) or word == "\r\n")):
            return _NO_ROUTE
        return _ON_ROUTE

    def _from_route(self, text: str) -> list[str] | None:
        """jieba's words from rjieba's route, None where it is not plain."""
        route = self.route(text)
        if route is None:
            return None
        freq, out = self._slow().FREQ, []
        for word, single in route:
            if single:
                out += _read_singles(word, freq)
            else:
                out.append(word)
        return out

    def _by_run(self, text: str) -> list[str]:
        """jieba cuts each run of its Han chars, and what lies between, on its own (jieba.Tokenizer.cut):
        only the runs rjieba gives no plain route through are cut by jieba."""
        import jieba

        out: list[str] = []
        for run in jieba.re_han_default.split(text):
            words = self._from_route(run)
            out += words if words is not None else self._slow().lcut(run)
        return out


def _read_singles(chars: str, freq: dict[str, int]) -> list[str]:
    """jieba's words for single chars of its route standing together (jieba.Tokenizer.__cut_DAG)."""
    if len(chars) == 1:
        return [chars]
    return list(chars) if freq.get(chars) else list(_hmm_words(chars))


@lru_cache(maxsize=4096)
def _hmm_words(chars: str) -> tuple[str, ...]:
    """jieba's HMM reading of chars (jieba.finalseg.cut; hmm_words: the same, faster): names, mostly, which
    recur through an article."""
    return tuple(hmm_words.cut(chars))


@lru_cache(maxsize=1)
def _jieba_default() -> jieba.Tokenizer:
    """jieba with its own dictionary, read once: the NER's word frequencies and fallback, the domain's start.

    From jieba's cache of it (where jieba.Tokenizer.initialize looks), read whole: jieba's own
    marshal.load from the open file reads it piecemeal, at less than half the speed."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    try:
        tok.FREQ, tok.total = marshal.loads((Path(tempfile.gettempdir()) / "jieba.cache").read_bytes())
        tok.initialized = True
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or unreadable: jieba reads the dictionary, writes it
        tok.initialize()
    return tok


@lru_cache(maxsize=1)
def default_tags() -> dict[str, str]:
    """Part of speech of every word of jieba's own dictionary (as jieba.posseg read it on import)."""
    import jieba.posseg

    return dict(jieba.posseg.dt.word_tag_tab)


@lru_cache(maxsize=1)
def default() -> Segmenter:
    """jieba's cut with its own dictionary, nothing added (the NER's features): rjieba's module instance,
    which it builds on import and kg adds no word to."""
    import rjieba

    return Segmenter(rjieba, _jieba_default)


@lru_cache(maxsize=1)
def _user_words() -> tuple[tuple[str, int, str], ...]:
    return tuple((w, int(f), tag) for w, f, tag in (line.split(" ") for line in lexicon.load().jieba_userdict_lines()))


@lru_cache(maxsize=1)
def _jieba_domain() -> tuple[jieba.Tokenizer, jieba.posseg.POSTokenizer]:
    """jieba with the domain dictionary, and its tagger: a copy of the default's frequencies and tags."""
    import jieba
    import jieba.posseg

    base = _jieba_default()
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = dict(base.FREQ), base.total, True
    for word, freq, tag in _user_words():
        tok.add_word(word, freq, tag)
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)  # its __init__ would read the tags again
    tagger.tokenizer, tagger.word_tag_tab = tok, dict(default_tags())  # jieba adds the user words' tags on first use
    tagger._POSTokenizer__cut_detail = _unknown_run  # POSTokenizer.__cut_detail, remembered
    return tok, tagger


@lru_cache(maxsize=4096)
def _unknown_run(run: str) -> tuple[jieba.posseg.pair, ...]:
    """jieba.posseg's HMM reading of a run of chars its dictionary leaves single (a name, mostly: most of
    them recur through an article): a function of the run alone, so any tagger's serves (hmm_tags: jieba's,
    faster)."""
    return tuple(hmm_tags.cut_detail(run))


@lru_cache(maxsize=1)
def domain() -> Segmenter:
    """jieba's cut with the domain dictionary (the lexicon's words added)."""
    import rjieba

    fast = rjieba.Jieba()
    # jieba adds a word's frequency to its dictionary's total, rjieba first takes off what the word had:
    # the spare word gives that back, so the totals, and with them the cuts, agree
    had, base, added = 0, _jieba_default().FREQ, dict[str, int]()
    for word, freq, tag in _user_words():
        had += added.get(word, base.get(word) or 0)
        added[word] = freq
        fast.add_word(word, freq, tag)
    if had:
        fast.add_word(_SPARE_WORD, had, None)
    return Segmenter(fast, lambda: _jieba_domain()[0])


# Texts up to this long are cached (sentences, which several stages read); longer ones are cut afresh, so
# the caches hold at most 1,024 sentence-sized entries however long the article.
MAX_CACHED = 2000


def cut(text: str) -> tuple[Token, ...]:
    """(word, start, end) for every word of `text`, without words()' parts: for a clause or a clause's
    prefix. Cached: the rules ask of the same one for each cue and each candidate speaker (a third of them
    are asked again)."""
    return _cached_cut(text) if len(text) <= MAX_CACHED else _cut(text)


def _cut(text: str) -> tuple[Token, ...]:
    return tuple(domain().tokenize(text))


_cached_cut = lru_cache(maxsize=1024)(_cut)


def words(text: str) -> tuple[Token, ...]:
    """(word, start, end) for every word of `text` (cached: several stages read the same sentence).

    A text of several sentences (context's look outside the kept ones) gets its sentences' words, mostly
    cached already, and a text with spaces or newlines at its edges (a line of the body) its sentence's:
    a sentence's end is no part of any word of jieba's, nor is a space or a newline (each a word of its
    own, CR LF one), and jieba cuts what lies either side of them apart, so the cut is the same."""
    return _cached_words(text) if len(text) <= MAX_CACHED else _words(text)


def _words(text: str) -> tuple[Token, ...]:
    ends = _part_ends(text)
    if not ends:
        return _cut(text)
    out, start = [], 0
    for end in [*ends, len(text)]:
        out += [(w, start + s, start + e) for w, s, e in words(text[start:end])]
        start = end
    return tuple(out)


_cached_words = lru_cache(maxsize=1024)(_words)


def _part_ends(text: str) -> list[int]:
    """Where words() cuts `text` into parts of their own: after each sentence's end, and where the spaces and
    newlines at its edges end and start."""
    ends = {m.end() for m in _SENTENCE_END.finditer(text)} | {len(text) - len(text.lstrip()), len(text.rstrip())}
    return sorted(e for e in ends if 0 < e < len(text))


def boundaries(text: str) -> frozenset[int]:
    """Offsets in `text` where a word starts or ends (cached: every stage asks of the same sentences)."""
    return _cached_boundaries(text) if len(text) <= MAX_CACHED else _boundaries(text)


def _boundaries(text: str) -> frozenset[int]:
    out = {0, len(text)}
    for _, start, end in words(text):
        out.add(start)
        out.add(end)
    return frozenset(out)


_cached_boundaries = lru_cache(maxsize=1024)(_boundaries)


def tagged(text: str) -> list[tuple[str, str, int]]:
    """(word, part of speech, start) for every word of `text` (cached: names and clauses recur)."""
    return list(_cached_tagged(text) if len(text) <= MAX_CACHED else _tagged(text))


def _tagged(text: str) -> tuple[tuple[str, str, int], ...]:
    tagger = _jieba_domain()[1]
    pairs = _tags_from_route(text, tagger) or [(p.word, p.flag) for p in tagger.cut(text)]
    out, pos = [], 0
    for word, flag in pairs:
        out.append((word, flag, pos))
        pos += len(word)
    return tuple(out)


def _tags_from_route(text: str, tagger: jieba.posseg.POSTokenizer) -> list[tuple[str, str]] | None:
    """jieba.posseg's tags along rjieba's route (POSTokenizer.__cut_DAG), None where that is not plainly
    jieba.posseg's: a text with a char it puts in no run that jieba's cut does (% and -) or no plain route."""
    route = None if _POSSEG_APART.search(text) else domain().route(text)
    if not route:
        return None
    tagger.makesure_userdict_loaded()  # what jieba.posseg does first: the lexicon's tags join the table
    tags, freq = tagger.word_tag_tab, tagger.tokenizer.FREQ
    out: list[tuple[str, str]] = []
    for word, single in route:
        if not single:
            out.append((word, tags.get(word, "x") if _RUN_CHAR.match(word) else "x"))
        elif len(word) == 1 or freq.get(word):
            out += [(c, tags.get(c, "x")) for c in word]
        else:
            out += [(p.word, p.flag) for p in _unknown_run(word)]
    return out


_cached_tagged = lru_cache(maxsize=1024)(_tagged)


def frequency(word: str) -> int:
    """How often jieba's dictionary saw `word` (0 when it does not know it): common words are frequent."""
    return _jieba_domain()[0].FREQ.get(word) or 0


def dictionary_tag(word: str) -> str | None:
    """jieba's dictionary part of speech for a whole word (nt: an organisation), without tagging."""
    return dictionary_tags().get(word)


@lru_cache(maxsize=1)
def dictionary_tags() -> dict[str, str]:
    """The domain tagger's table of parts of speech (dictionary_tag's), for a rule asking of every word of a
    text. The tagger adds the lexicon's tags to this same table on first use."""
    return _jieba_domain()[1].word_tag_tab

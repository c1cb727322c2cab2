"""Chinese script: whether a text is Chinese, and the simplified text the stages read, with offsets back.

Traditional, Hong Kong and Taiwan text is read through OpenCC (its variant tables, then traditional to
simplified), so every later stage sees one script and names come out simplified; the inline pinyin
glosses of machine-converted pages (國(guó)) are dropped. A ``Simplified`` maps each of its characters
to the original's, so offsets found in it still point into the file as written. Most articles need
none of this, and one encoding to GB2312 tells most of them apart without loading OpenCC.

Reads: an article's text. Provides: whether it is Chinese; the Article the stages read and, after
them, their Extraction in the file's offsets and script.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.records import Article, Extraction, Mention, Span

# OpenCC's conversions, applied in turn: Hong Kong and Taiwan variant forms to OpenCC's traditional
# forms, then traditional to simplified. Each dictionary entry keeps its length, so the conversion
# keeps every character in place; _convert still checks, and aligns piece by piece where it does not.
CONVERSIONS = ("hk2t", "tw2t", "t2s")
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"  # Chinese characters' blocks
_IS_HAN = re.compile(f"[{_HAN}]")
_HAN_RUN = re.compile(f"[{_HAN}]+")
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONE = re.compile(f"[{_TONES}]")
# A gloss: pinyin with at least one tone mark, in brackets, right after a Chinese character.
_GLOSS = re.compile(rf"(?<=[{_HAN}])[(（][a-zü{_TONES} ]{{0,24}}[{_TONES}][a-zü{_TONES} ]{{0,24}}[)）]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af\u1100-\u11ff]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
MIN_CHINESE_SHARE = 0.5  # of a text's words (a Chinese character or a Latin-script word each)
MAX_KANA_SHARE = 0.05  # of its characters, kana or hangul: Chinese has none, Japanese and Korean many

if TYPE_CHECKING:
    import opencc


@dataclass(frozen=True)
class Simplified:
    """The text the stages read (simplified, glosses dropped) and where each character was written."""

    text: str
    original: str
    origin: array[int]  # origin[i]: the offset in ``original`` of text[i] (an array: 8 bytes a character)
    changed: array[int]  # offsets in ``text`` whose character the conversion changed, in order

    def start(self, pos: int) -> int:
        """The original offset of a span starting at ``pos`` in ``text``."""
        return self.origin[pos] if pos < len(self.origin) else len(self.original)

    def end(self, pos: int) -> int:
        """The original offset of a span ending (exclusive) at ``pos`` in ``text``: a gloss after it stays out."""
        return self.origin[pos - 1] + 1 if pos > 0 else 0

    def as_written(self, piece: str, pos: int) -> str:
        """``piece``, read at ``pos`` in ``text`` (perhaps with its width folded), in the original's characters.

        A dropped gloss stays out: the piece is what the stages read, in the script it was written in."""
        first = bisect_left(self.changed, pos)
        last = bisect_left(self.changed, pos + len(piece))
        if first == last:
            return piece
        chars = list(piece)
        for i in self.changed[first:last]:
            if chars[i - pos] == self.text[i]:
                chars[i - pos] = self.original[self.origin[i]]
        return "".join(chars)


def simplified(text: str) -> Simplified | None:
    """The text as the stages read it, or None when that is the text itself (simplified, no glosses)."""
    glosses = list(_GLOSS.finditer(text)) if _TONE.search(text) else []
    if not glosses and not _may_be_traditional(text):
        return None
    kept: list[str] = []
    origin = array("q")
    pos = 0
    for gloss in [*glosses, None]:
        end = gloss.start() if gloss else len(text)
        kept.append(text[pos:end])
        origin.extend(range(pos, end))
        pos = gloss.end() if gloss else pos
    plain = "".join(kept)
    converted = _convert(plain)
    if not glosses and converted == plain:
        return None
    changed = array("q", (i for i, (a, b) in enumerate(zip(converted, plain)) if a != b))
    return Simplified(converted, text, origin, changed)


def in_simplified(text: str) -> str:
    """``text`` in simplified characters, character for character, glosses and all: a simplified reading
    at the original's offsets (the graph reads a figure's metric and period around its offsets)."""
    return _convert(text) if _may_be_traditional(text) else text


def staged(article: Article) -> tuple[Article, Simplified | None]:
    """The article as the stages read it (text, title and author simplified), and the map back, if any."""
    s = simplified(article.text)
    if s is None:
        return article, None
    return (
        replace(
            article,
            text=s.text,
            body_start=bisect_left(s.origin, article.body_start),
            title=article.title and _convert(article.title),
            author=article.author and _convert(article.author),
        ),
        s,
    )


def as_written(x: Extraction, original: Article, s: Simplified, sentences: list[Span]) -> Extraction:
    """The Extraction of the stages' text, told of the original: offsets into it, mentions sliced from it,
    the texts of statements, figures and agreements in the characters it was written in."""
    starts = [span.start for span in sentences]

    def sentence(pos: int, text: str) -> str:
        span = sentences[max(bisect_right(starts, pos) - 1, 0)]
        return s.as_written(text, span.start) if text == span.text else text

    def mention(m: Mention) -> Mention:
        start, end = s.start(m.start), s.end(m.end)
        found = s.text[m.start : m.end] == m.text  # a byline's author is where the text names it, if it does
        return Mention(original.text[start:end] if found else m.text, start, end)

    return replace(
        x,
        article=original,
        entities=[replace(e, mentions=[mention(m) for m in e.mentions]) for e in x.entities],
        statements=[
            replace(
                st,
                text=s.as_written(st.text, st.start),
                start=s.start(st.start),
                end=s.end(st.end),
                sentence=sentence(st.start, st.sentence),
            )
            for st in x.statements
        ],
        figures=[
            replace(f, text=s.as_written(f.text, f.start), start=s.start(f.start), end=s.end(f.end)) for f in x.figures
        ],
        agreements=[
            replace(g, text=s.as_written(g.text, g.start), start=s.start(g.start), end=s.end(g.end))
            for g in x.agreements
        ],
    )


def not_chinese(text: str) -> str | None:
    """Why ``text`` is not Chinese (Japanese, Korean, or few Chinese characters among its words), or None."""
    han = sum(map(len, _HAN_RUN.findall(text)))
    kana_hangul = len(_KANA_HANGUL.findall(text)) if _KANA_HANGUL.search(text) else 0
    if kana_hangul > MAX_KANA_SHARE * (han + kana_hangul):
        return f"not Chinese: {kana_hangul} kana or hangul among {han + kana_hangul} characters (Japanese or Korean?)"
    latin = len(_LATIN_WORD.findall(text))
    if han and han >= MIN_CHINESE_SHARE * (han + latin):
        return None
    if not han:
        return "not Chinese: no Chinese characters"
    return f"not Chinese: {han} Chinese characters among {han + latin} words (English?)"


def _may_be_traditional(text: str) -> bool:
    """A Chinese character outside GB2312 (the simplified set): traditional text has many, simplified text
    seldom any. Most text is all GB2312 and ASCII, which one encoding tells."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return any(_IS_HAN.match(c) for c in set(text) - _common())
    return False


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """ASCII and every GB2312 character: the simplified set."""
    chars = {chr(c) for c in range(128)}
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


@lru_cache(maxsize=1)
def _converters() -> tuple[opencc.OpenCC, ...]:
    """Loaded on the first text that needs them: a batch of simplified text never imports OpenCC."""
    import opencc

    return tuple(opencc.OpenCC(name) for name in CONVERSIONS)


def _conversion(text: str) -> str:
    for converter in _converters():
        text = converter.convert(text)
    return text


def _convert(text: str, by_line: bool = True) -> str:
    """The conversion, character for character: where a piece changes length it is converted in smaller
    pieces (lines, then characters), so offsets never drift."""
    out = _conversion(text)
    if len(out) == len(text):
        return out
    if by_line:
        return "".join(_convert(line, by_line=False) for line in text.splitlines(keepends=True))
    return "".join(c if len(one := _conversion(c)) != 1 else one for c in text)

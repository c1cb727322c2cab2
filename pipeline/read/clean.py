"""Cleaning article text for extraction: width folding, sentence cutting, boilerplate and repeats.

Every transformation keeps the text's length, so an offset found in cleaned text is the
same offset in ``Article.text`` and mentions can point back into the original file.
Reads: an article's text. Provides: its normalised text and kept sentence spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.language.datafiles import lines
from pipeline.language.text import strip_span
from pipeline.records import Article, Span

# Full-width ASCII is folded so numbers parse (２５家 -> 25家, ３．５亿 -> 3.5亿); the Chinese
# punctuation that is conventionally full-width stays, as downstream rules and models expect it.
KEEP_FULL_WIDTH = "，；：？！（）"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_FOLD: dict[int, int | str] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in KEEP_FULL_WIDTH}
_FOLD.update({ord(c): " " for c in _SPACES})
# Tags and &nbsp; left over from scraped HTML, blanked to spaces.
_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]{0,200})?/?>|&nbsp;", re.IGNORECASE)
_BLOCK_TAGS = "p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote|hr"
# What a page holds but does not say: comments, scripts and styles are blanked whole, contents included.
_HIDDEN = re.compile(r"<!--|<(script|style|noscript|template)\b", re.IGNORECASE)
_NOT_NEWLINE = re.compile(r"[^\n]")

_LIST_MARKER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})、(?!\d)"
# Paragraph breaks, found before HTML is blanked: newlines, runs of 2+ spaces (merged paragraphs
# keep "　　" indents), block tags, 2+ &nbsp;, and one space before a list marker
# ("以下这些： 1、业务差异化运营"). Inline tags and a lone &nbsp; do not break a sentence.
_BREAK = re.compile(
    r"[\r\n\v\f]|\s{2,}|(?:&nbsp;){2,}"
    r"|</?(?:" + _BLOCK_TAGS + r")\b[^<>\n]{0,200}>"
    r"|(?<=[^\x00-\x7f]) (?=" + _LIST_MARKER + ")",
    re.IGNORECASE,
)
# A list heading glued to its first sentence by one space ("1、终端 在分享通信展台，…").
_HEADING = re.compile(_LIST_MARKER + r"[^\s，。！？；,]{1,24}(?= \S)")
# Sentence ends, with any closing quotes or brackets that follow; ASCII !?; only when not
# inside a URL or code-like token.
_END = re.compile(r"(?:[。！？；]|[!?;](?![A-Za-z0-9=&/]))+[”’」』）)】》]*")
_QUOTE_CLOSE = "”」』"
_QUOTE_OPEN = "“「『"
# Quotations, inside which no cut is made; a longer or unclosed one gets no protection.
MAX_QUOTE = 400
_QUOTE = re.compile(rf"“[^“”\n]{{0,{MAX_QUOTE}}}”|「[^「」\n]{{0,{MAX_QUOTE}}}」")

_WS = re.compile(r"\s+")
_ASIDE = re.compile(r"[（(][^（()）]{0,60}[)）]")
_MARKER_ONLY = re.compile(r"[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）、.]?")
_WORD = re.compile(r"[^\W_]")
# Shorter sentences are de-duplicated only when repeated whole, never as part of earlier text.
MIN_SUBSTRING_DEDUP = 10
# Longer sentences are cut into windows (after a clause mark or space where there is one) for the later stages.
MAX_SENTENCE = 1000
WINDOW_MARKS = "，,；;：:、 \t\n\u3000"
# A sentence is looked for as part of this much earlier text (whitespace removed), so the check costs
# the same per sentence however long the article; a whole sentence repeated is caught anywhere.
DEDUP_WINDOW = 20_000


_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in lines("boilerplate.txt")))


def normalise(text: str) -> str:
    """Fold full-width ASCII and odd spaces and blank HTML remnants, keeping the length."""
    return _blank_html(_fold(text))


def _fold(text: str) -> str:
    return _curl_quotes(_blank_hidden(text.translate(_FOLD)))


def _blank_hidden(text: str) -> str:
    """HTML comments, scripts and styles as spaces (their newlines kept), so the length is kept.

    One pass: an opener with no closer after it is left alone, and so are later ones of its kind."""
    if "<" not in text:
        return text
    pieces: list[str] = []
    pos = done = 0
    unclosed: set[str] = set()
    while m := _HIDDEN.search(text, pos):
        kind = (m[1] or "!--").lower()
        pos = m.end()
        if kind in unclosed:
            continue
        if kind == "!--":
            close = text.find("-->", pos)
            end = close + 3 if close >= 0 else -1
        else:
            close_tag = re.compile(rf"</{kind}\s*>", re.IGNORECASE).search(text, pos)
            end = close_tag.end() if close_tag else -1
        if end < 0:
            unclosed.add(kind)
            continue
        pieces += [text[done : m.start()], _NOT_NEWLINE.sub(" ", text[m.start() : end])]
        pos = done = end
    return "".join(pieces) + text[done:] if pieces else text


_STRAIGHT_QUOTES = re.compile(r'"([^"\n]*)"')


def _curl_quotes(text: str) -> str:
    """ "…" as some outlets write it becomes “…”, so quotations read the same everywhere."""
    if '"' not in text:
        return text
    return _STRAIGHT_QUOTES.sub(lambda m: f"“{m.group(1)}”", text)


def _blank_html(text: str) -> str:
    if "<" in text or "&" in text:
        text = _HTML.sub(lambda m: " " * len(m.group()), text)
    return text


def is_boilerplate(sentence: str) -> bool:
    """A reprint notice, follow-us footer or bare account id; parenthesised ids do not count."""
    return _BOILERPLATE.search(_ASIDE.sub("", sentence)) is not None


def sentences(article: Article) -> list[Span]:
    """The article body as cleaned sentences with offsets into ``article.text``.

    Boilerplate, bare list markers and sentences already seen earlier in the article are
    dropped (the sample repeats its whole body), so each fact is read once.
    """
    folded = _fold(article.body)
    text = _blank_html(folded)
    base = article.body_start
    seen: set[str] = set()
    flat = _WS.sub("", text)  # the body without whitespace, to find repeats of earlier text
    flat_pos = last = 0
    spans: list[Span] = []
    for start, end in _cuts(folded, text):
        flat_pos += len(_WS.sub("", text[last:start]))
        last = end
        sentence = text[start:end]
        key = _WS.sub("", sentence)
        repeated = key in seen or (
            len(key) >= MIN_SUBSTRING_DEDUP and flat.find(key, max(0, flat_pos - DEDUP_WINDOW), flat_pos) >= 0
        )
        flat_pos += len(key)
        seen.add(key)
        if repeated or not _WORD.search(sentence) or _MARKER_ONLY.fullmatch(key) or is_boilerplate(sentence):
            continue
        spans.append(Span(sentence, base + start, base + end))
    return spans


def _cuts(folded: str, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of text, trimmed, in order; folded still has its HTML."""
    pos = 0
    for brk in _BREAK.finditer(folded):
        for start, end in _paragraph_cuts(text, pos, brk.start()):
            yield from windows(text, start, end)
        pos = brk.end()
    for start, end in _paragraph_cuts(text, pos, len(text)):
        yield from windows(text, start, end)


def windows(
    text: str, start: int, end: int, limit: int = MAX_SENTENCE, marks: str = WINDOW_MARKS
) -> Iterator[tuple[int, int]]:
    """text[start:end] in pieces of at most ``limit`` characters, trimmed, each cut after the last of
    ``marks`` in its second half, else at the limit. Sentences longer than MAX_SENTENCE (a line without
    punctuation) are read so, and so the stages after reading work on bounded text: an article's time
    grows with its length and no faster."""
    while end - start > limit:
        cut = start + limit
        tail = text[start + limit // 2 : cut]
        last = max(tail.rfind(mark) for mark in marks)
        if last >= 0:
            cut = start + limit // 2 + last + 1
        piece = strip_span(text, start, cut)
        if piece[0] < piece[1]:
            yield piece
        start = cut
    start, end = strip_span(text, start, end)
    if start < end:
        yield start, end


def _paragraph_cuts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    start, end = strip_span(text, start, end)
    if start == end:
        return
    heading = _HEADING.match(text, start, end)
    if heading:
        yield start, heading.end()
        start, end = strip_span(text, heading.end(), end)
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text, start, end)]
    q = 0
    for m in _END.finditer(text, start, end):
        cut = m.end()
        while q < len(quotes) and quotes[q][1] < cut:
            q += 1
        if q < len(quotes) and quotes[q][0] < cut < quotes[q][1]:
            continue  # inside a quotation
        glued = cut < end and not text[cut].isspace() and text[cut] not in _QUOTE_OPEN
        if glued and m.group()[-1] in _QUOTE_CLOSE:
            continue  # “……。”王帅说。: the speaker after a quote belongs to its sentence
        yield strip_span(text, start, cut)
        start = cut
    start, end = strip_span(text, start, end)
    if start < end:
        yield start, end

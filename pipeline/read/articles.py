"""Reading articles from files, folders, globs and JSON Lines into ``Article`` records.

A bad document never stops a batch: it comes out as an ``InputError`` naming the file (or
``file:line``) and the reason, in the same stream and order as the good ones.
Reads: paths, globs, standard input. Provides: Articles (or InputErrors), in order.
"""

from __future__ import annotations

import glob
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import charset_normalizer
import yaml

from pipeline.read.clean import normalise, sentences
from pipeline.read.script import not_chinese
from pipeline.records import Article, InputError

__all__ = [
    "MAX_BYTES",
    "count_articles",
    "decode",
    "files",
    "normalise",
    "parse_text",
    "read_data",
    "read_file",
    "read_lines",
    "read_paths",
    "record_article",
    "sentences",
]

TEXT_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
JSON_EXTENSIONS = frozenset({".jsonl", ".json"})
EXTENSIONS = TEXT_EXTENSIONS | JSON_EXTENSIONS
# Metadata field -> the names it goes by, first found wins (front matter and JSON alike).
FIELDS = {
    "url": ("url", "link"),
    "title": ("title",),
    "time": ("time", "published", "date"),
    "author": ("name", "author"),
}
_GLOB_CHARS = frozenset("*?[")
STDIN = "-"  # the path that names standard input: a text article, or JSON Lines when it starts with {
_SNIFF = 8192  # bytes looked at to tell binary from text
_MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Files over this many bytes are refused (``--max-bytes`` raises it): a file's time and memory grow with its
# size, so a stray dump or a runaway log must not hold up a nightly batch.
MAX_BYTES = 5_000_000
# A GB18030 decoding is trusted when this share of its non-ASCII characters is in GB2312 (the common
# simplified set) and few are private-use: Big5, Shift-JIS or Latin-1 bytes also decode as GB18030,
# into rare characters and private-use ones. A Big5 decoding likewise, with Big5's frequent characters.
_MIN_GB2312_SHARE = 0.9
_MIN_JUDGED = 8  # non-ASCII characters needed before the share is judged; fewer must all be GB2312
_MAX_CHAOS = 0.05  # another encoding is accepted only when charset detection finds less garbage than this,
_MIN_LEAD = 0.2  # and no other clean reading comes within this much of its coherence (cp1252 or iso8859_2?)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def read_paths(paths: Iterable[str], max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Every article under the given files, folders and globs, in a stable order.

    A file reached twice (named twice, through a symlink, or round a symlink loop) is read once.
    """
    for file in files(paths):
        if isinstance(file, InputError):
            yield file
        else:
            yield from read_file(file, max_bytes)


def count_articles(paths: Iterable[str]) -> int:
    """About how many items ``read_paths`` will yield, without decoding anything (for a progress bar's
    total): a file is one article, a JSON Lines file one per non-blank line; a path in error counts once."""
    total = 0
    for file in files(paths):
        if isinstance(file, InputError) or file == STDIN or os.path.splitext(file)[1].lower() != ".jsonl":
            total += 1
            continue
        try:
            with open(file, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:
            total += 1
    return total


def files(paths: Iterable[str]) -> Iterator[str | InputError]:
    """The files under the given files, folders and globs, in reading order, each once."""
    done: set[str] = set()
    for path in paths:
        for file in _expand(path):
            if isinstance(file, InputError):
                yield file
                continue
            key = os.path.normcase(os.path.realpath(file))
            if key not in done:
                done.add(key)
                yield file


def read_file(path: str, max_bytes: int = MAX_BYTES, doc: str | None = None) -> Iterator[Article | InputError]:
    """The articles of one file: one for text/Markdown/HTML, one per line for JSON Lines.

    ``doc`` names the file in articles and errors when that is not ``path`` (Spark's
    workers read a file by its absolute path but name it as the user gave it).
    """
    doc = doc or display_name(path)
    try:
        data = _read_bytes(path, max_bytes, doc)
    except InputError as err:
        yield err
        return
    yield from read_data(doc, data)


def read_data(doc: str, data: bytes) -> Iterator[Article | InputError]:
    """The articles in the bytes of the file ``doc`` (read_file, once the file is read)."""
    try:
        text = decode(data, doc)
        as_json = doc == STDIN and text.lstrip().startswith("{")
        if as_json or os.path.splitext(doc)[1].lower() in JSON_EXTENSIONS:
            yield from _json_articles(doc, text)
        else:
            yield parse_text(doc, text)
    except InputError as err:
        yield err


def read_lines(path: str, max_bytes: int = MAX_BYTES) -> Iterator[Article]:
    """One article per line (``doc`` = ``path:LINE``), aligned with the input; raises InputError.

    A line that is a JSON object with a ``text`` field (CLUENER format) contributes that text.
    """
    name = display_name(path)
    text = decode(_read_bytes(path, max_bytes, name), name, allow_empty=True)
    for lineno, line in enumerate(_lines(text), 1):
        doc = f"{name}:{lineno}"
        record = _json_object(line) if line.lstrip().startswith("{") else None
        if record is not None and isinstance(record.get("text"), str):
            yield _from_record(doc, record)
        else:
            yield Article(doc=doc, text=line)


def display_name(path: str) -> str:
    """The path as printable text: bytes of a file name that are not UTF-8 show as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def decode(data: bytes, name: str, allow_empty: bool = False) -> str:
    """Bytes to text: UTF-8 (BOM stripped), UTF-16 with BOM, GB18030 or Big5 that reads as Chinese, else
    an encoding charset detection is sure of; anything else is refused, never guessed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode_utf16(data, name)
    elif b"\x00" in data[:_SNIFF]:
        raise InputError(name, "binary file, not text")
    else:
        text = _decode_8bit(data, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not allow_empty and not text.strip():
        raise InputError(name, "empty file")
    if _looks_binary(text):
        raise InputError(name, "binary file, not text")
    return text


def parse_text(doc: str, text: str) -> Article:
    """A text or Markdown article, with metadata from its YAML front matter if it has one; a text that
    is not Chinese (English, Japanese) is refused, not extracted as junk."""
    fields: dict[str, Any] = {}
    body_start = 0
    front = _front_matter(doc, text)
    if front is not None:
        mapping, body_start = front
        fields = _metadata(mapping)
        if not text[body_start:].strip():
            raise InputError(doc, "empty file: no text after the front matter")
    if reason := not_chinese(text[body_start:]):
        raise InputError(doc, reason)
    return Article(doc=doc, text=text, body_start=body_start, **fields)


def _expand(path: str) -> Iterator[str | InputError]:
    if path == STDIN:
        yield path
    elif os.path.isdir(path):
        files: list[str | InputError] = list(_walk(path))
        yield from files or [InputError(display_name(path), f"no {'/'.join(sorted(EXTENSIONS))} files in folder")]
    elif os.path.exists(path):
        yield path
    elif _GLOB_CHARS & set(path) and (matches := _glob(path)):
        for match in matches:
            yield from _walk(match) if os.path.isdir(match) else [match]
    else:
        yield InputError(display_name(path), "no such file")


def _glob(pattern: str) -> list[str]:
    """Sorted matches; ``**`` does not follow symlinked folders (glob's would, round and round a loop)."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if _GLOB_CHARS & set(part))
    anchor = Path(*parts[:fixed]) if fixed else Path()
    rest = str(Path(*parts[fixed:]))
    return sorted(os.path.join(str(anchor), str(p.relative_to(anchor))) if fixed else str(p) for p in anchor.glob(rest))


def _walk(folder: str) -> Iterator[str]:
    """Files with a known extension under folder, sorted, hidden files and folders skipped.

    Symlinked folders are not entered (os.walk's default), so a loop cannot repeat or hang it."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in EXTENSIONS:
                yield os.path.join(root, name)


def _read_bytes(path: str, max_bytes: int, name: str) -> bytes:
    """The file's bytes; only regular files, and no more than ``max_bytes`` of them.

    Opened without blocking and checked before reading, so a FIFO, a socket or a device
    (a symlink to /dev/zero) is refused instead of hanging or filling memory."""
    data = sys.stdin.buffer.read(max_bytes + 1) if path == STDIN else _read_regular(path, name, max_bytes + 1)
    if len(data) > max_bytes:  # a file still growing is caught too
        raise InputError(name, f"too large: over {max_bytes:,} bytes (--max-bytes raises the limit)")
    return data


def _read_regular(path: str, name: str, size: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        raise InputError(name, f"cannot read: {err.strerror or err}") from None
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(name, f"not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'special file')})")
        try:
            return fh.read(size)
        except OSError as err:
            raise InputError(name, f"cannot read: {err.strerror or err}") from None


_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def _decode_utf16(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as err:
        raise InputError(name, f"cannot decode: invalid UTF-16 at byte {err.start}") from None


def _decode_8bit(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding, common in (("gb18030", _in_gb2312), ("big5hkscs", _in_big5_common)):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_chinese(text, common):
            return text
    found = list(
        charset_normalizer.from_bytes(data, cp_exclusion=["gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs"])
    )
    if not found:
        raise InputError(name, "cannot decode: not UTF-8 or GB18030, and no other encoding fits")
    best = found[0]
    if best.chaos > _MAX_CHAOS:
        raise InputError(
            name,
            f"cannot decode: not UTF-8 or GB18030; as {best.encoding}, the likeliest"
            f" other, {best.percent_chaos:.0f}% of it reads as garbage",
        )
    text = str(best)
    rivals = [
        m.encoding
        for m in found[1:]
        if m.chaos <= _MAX_CHAOS and m.coherence > best.coherence - _MIN_LEAD and str(m) != text
    ]
    if rivals:
        raise InputError(
            name,
            f"cannot decode: not UTF-8 or GB18030; {best.encoding}, {', '.join(rivals[:3])}"
            " read it differently and none is clearly right (convert it to UTF-8)",
        )
    return text


def _reads_as_chinese(text: str, in_common: Callable[[str], bool]) -> bool:
    """The confidence check on a GB18030 or Big5 decoding: its characters are the common ones of the
    encoding (``in_common``), not private-use."""
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return True
    common = sum(1 for c in wide if in_common(c))
    private = sum(1 for c in wide if unicodedata.category(c) == "Co")
    if len(wide) < _MIN_JUDGED:
        return common == len(wide)
    return common >= _MIN_GB2312_SHARE * len(wide) and private <= (1 - _MIN_GB2312_SHARE) * len(wide)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _in_big5_common(char: str) -> bool:
    """Big5's symbols and its 5,401 frequent characters (lead bytes A1–C6), where Big5 text mostly is:
    GBK, Shift-JIS or Latin-1 bytes that happen to decode as Big5 fall all over its table."""
    try:
        lead = char.encode("big5")[0]
    except UnicodeEncodeError:
        return False
    return 0xA1 <= lead <= 0xC6


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF]
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample)


class _NoAliases:
    """YAML without anchors and aliases: a few hundred bytes of nested aliases expand to gigabytes
    ("billion laughs") once anything walks them, and an article's front matter never needs them."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            event = self.peek_event()  # type: ignore[attr-defined]
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)  # type: ignore[misc]


class _Loader(_NoAliases, yaml.SafeLoader):
    """Safe YAML that keeps timestamps as written (time: 2014-09-26 12:26:00 stays a string)."""


class _AsWritten(_NoAliases, yaml.BaseLoader):
    """Every scalar as a string, as written (time: 12:26 is not 746 here)."""


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp",  # type: ignore[type-var]  # the stubs want a SafeConstructor
    yaml.SafeLoader.construct_scalar,
)


def _front_matter(doc: str, text: str) -> tuple[dict[str, Any], int] | None:
    """(mapping, body_start) of a front matter between ``---`` lines at the very top."""
    first_end = text.find("\n")
    if text[: first_end if first_end >= 0 else len(text)].rstrip() != "---":
        return None
    pos = len(text) if first_end < 0 else first_end + 1
    while pos < len(text):
        end = text.find("\n", pos)
        line_end = len(text) if end < 0 else end
        if text[pos:line_end].rstrip() in ("---", "..."):
            return _parse_front(doc, text[first_end + 1 : pos]), (len(text) if end < 0 else end + 1)
        pos = line_end + 1
    raise InputError(doc, "broken front matter: no closing '---' line")


def _parse_front(doc: str, source: str) -> dict[str, Any]:
    """The front matter's mapping; the article fields keep their scalars exactly as written."""
    try:
        data = yaml.load(source, Loader=_Loader)
        as_written = yaml.load(source, Loader=_AsWritten)
    except RecursionError:
        raise InputError(doc, "broken front matter: nested too deeply") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(err, "problem", None) or "not valid YAML"
        raise InputError(doc, f"broken front matter: {problem}{where}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(doc, f"broken front matter: a {type(data).__name__}, not a mapping of keys")
    fields = {name for names in FIELDS.values() for name in names}
    return data | {k: v for k, v in as_written.items() if k in fields and isinstance(v, str)}


def _metadata(record: dict[str, Any]) -> dict[str, Any]:
    """Article keyword fields from a front matter or JSON record; other keys are not kept (nothing reads them)."""
    fields: dict[str, Any] = {}
    for field, names in FIELDS.items():
        for name in names:
            if record.get(name) not in (None, ""):
                fields[field] = _valid(str(record[name]).strip())
                break
    return fields


def _json_articles(path: str, text: str) -> Iterator[Article | InputError]:
    if os.path.splitext(path)[1].lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(path, f"not JSON: {err.msg} at line {err.lineno}") from None
        except RecursionError:
            raise InputError(path, _TOO_DEEP) from None
        items = data if isinstance(data, list) else [data]
        for index, item in enumerate(items, 1):
            yield record_article(path, f"{path}:{index}" if isinstance(data, list) else path, item)
        return
    for lineno, line in enumerate(_lines(text), 1):
        if line.strip():
            doc = f"{path}:{lineno}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as err:
                yield InputError(doc, f"not JSON: {err.msg}")
                continue
            except RecursionError:
                yield InputError(doc, _TOO_DEEP)
                continue
            yield record_article(path, doc, item)


_TOO_DEEP = "not JSON: nested too deeply to read"


def record_article(path: str, doc: str, item: Any) -> Article | InputError:
    """An article from a JSON object or a table's row (``text`` plus metadata); an ``id`` names it path#id."""
    if not isinstance(item, dict):
        return InputError(doc, f"a JSON {type(item).__name__}, not an article object")
    if not isinstance(item.get("text"), str):
        return InputError(doc, "no 'text' field")
    if not item["text"].strip():
        return InputError(doc, "empty 'text' field")
    if item.get("id") not in (None, ""):
        doc = f"{path}#{_valid(str(item['id']))}"
    if reason := not_chinese(item["text"]):
        return InputError(doc, reason)
    return _from_record(doc, item)


def _from_record(doc: str, record: dict[str, Any]) -> Article:
    return Article(doc=doc, text=_valid(record["text"]), **_metadata(record))


def _valid(text: str) -> str:
    """JSON and YAML can spell lone surrogates (\\ud800), which are no text: each becomes U+FFFD, one
    for one, so offsets hold and the article can be hashed, stored and printed."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _json_object(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _lines(text: str) -> list[str]:
    """Lines as editors number them: split at LF only (str.splitlines also splits at FF, NEL...)."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]

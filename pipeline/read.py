"""Reading articles from files, folders, globs and JSON Lines into ``Article`` records.

A bad document never stops a batch: it comes out as an ``InputError`` naming the file (or
``file:line``) and the reason, in the same stream and order as the good ones.
"""
from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import charset_normalizer
import yaml

from .clean import normalise, sentences
from .records import Article, InputError

__all__ = ["count_articles", "decode", "files", "normalise", "parse_text", "read_data", "read_file", "read_lines",
           "read_paths", "record_article", "sentences"]

TEXT_EXTENSIONS = frozenset({".txt", ".md", ".markdown"})
JSON_EXTENSIONS = frozenset({".jsonl", ".json"})
EXTENSIONS = TEXT_EXTENSIONS | JSON_EXTENSIONS
# Metadata field -> the names it goes by, first found wins (front matter and JSON alike).
FIELDS = {"url": ("url", "link"), "title": ("title",), "time": ("time", "published", "date"),
          "author": ("name", "author")}
_GLOB_CHARS = frozenset("*?[")
STDIN = "-"  # the path that names standard input: a text article, or JSON Lines when it starts with {
_SNIFF = 8192  # bytes looked at to tell binary from text
_MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def read_paths(paths: Iterable[str]) -> Iterator[Article | InputError]:
    """Every article under the given files, folders and globs, in a stable order."""
    for file in files(paths):
        if isinstance(file, InputError):
            yield file
        else:
            yield from read_file(file)


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
            key = os.path.normcase(os.path.abspath(file))
            if key not in done:  # the same file named twice is read once
                done.add(key)
                yield file


def read_file(path: str, doc: str | None = None) -> Iterator[Article | InputError]:
    """The articles of one file: one for text/Markdown, one per line for JSON Lines.

    ``doc`` names the file in articles and errors when that is not ``path`` (Spark's
    workers read a file by its absolute path but name it as the user gave it).
    """
    doc = doc or path
    try:
        data = _read_bytes(path, doc)
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


def read_lines(path: str) -> Iterator[Article]:
    """One article per line (``doc`` = ``path:LINE``), aligned with the input; raises InputError.

    A line that is a JSON object with a ``text`` field (CLUENER format) contributes that text.
    """
    text = decode(_read_bytes(path, path), path, allow_empty=True)
    for lineno, line in enumerate(_lines(text), 1):
        doc = f"{path}:{lineno}"
        record = _json_object(line) if line.lstrip().startswith("{") else None
        if record is not None and isinstance(record.get("text"), str):
            yield _from_record(doc, record)
        else:
            yield Article(doc=doc, text=line)


def decode(data: bytes, name: str, allow_empty: bool = False) -> str:
    """Bytes to text: UTF-8 (BOM stripped), UTF-16 with BOM, GB18030, else a detected encoding."""
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
    """A text or Markdown article, with metadata from its YAML front matter if it has one."""
    fields: dict[str, Any] = {}
    body_start = 0
    front = _front_matter(doc, text)
    if front is not None:
        mapping, body_start = front
        fields = _metadata(mapping)
        if not text[body_start:].strip():
            raise InputError(doc, "empty file: no text after the front matter")
    return Article(doc=doc, text=text, body_start=body_start, **fields)


def _expand(path: str) -> Iterator[str | InputError]:
    if path == STDIN:
        yield path
    elif os.path.isdir(path):
        files: list[str | InputError] = list(_walk(path))
        yield from files or [InputError(path, f"no {'/'.join(sorted(EXTENSIONS))} files in folder")]
    elif os.path.exists(path):
        yield path
    elif _GLOB_CHARS & set(path) and (matches := sorted(glob.glob(path, recursive=True))):
        for match in matches:
            yield from _walk(match) if os.path.isdir(match) else [match]
    else:
        yield InputError(path, "no such file")


def _walk(folder: str) -> Iterator[str]:
    """Files with a known extension under folder, sorted, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in EXTENSIONS:
                yield os.path.join(root, name)


def _read_bytes(path: str, doc: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as err:
        raise InputError(doc, f"cannot read: {err.strerror or err}") from None


def _decode_utf16(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as err:
        raise InputError(name, f"cannot decode: invalid UTF-16 at byte {err.start}") from None


def _decode_8bit(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(name, "cannot decode: not UTF-8 or GB18030, and no other encoding fits")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF]
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample)


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps timestamps as written (time: 2014-09-26 12:26:00 stays a string)."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp",  # type: ignore[type-var]  # the stubs want a SafeConstructor
                        yaml.SafeLoader.construct_scalar)


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
            return _parse_front(doc, text[first_end + 1:pos]), (len(text) if end < 0 else end + 1)
        pos = line_end + 1
    raise InputError(doc, "broken front matter: no closing '---' line")


def _parse_front(doc: str, source: str) -> dict[str, Any]:
    """The front matter's mapping; the article fields keep their scalars exactly as written."""
    try:
        data = yaml.load(source, Loader=_Loader)
        as_written = yaml.load(source, Loader=yaml.BaseLoader)  # time: 12:26 is not 746 here
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
                fields[field] = str(record[name]).strip()
                break
    return fields


def _json_articles(path: str, text: str) -> Iterator[Article | InputError]:
    if os.path.splitext(path)[1].lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(path, f"not JSON: {err.msg} at line {err.lineno}") from None
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
            yield record_article(path, doc, item)


def record_article(path: str, doc: str, item: Any) -> Article | InputError:
    """An article from a JSON object or a table's row (``text`` plus metadata); an ``id`` names it path#id."""
    if not isinstance(item, dict):
        return InputError(doc, f"a JSON {type(item).__name__}, not an article object")
    if not isinstance(item.get("text"), str):
        return InputError(doc, "no 'text' field")
    if not item["text"].strip():
        return InputError(doc, "empty 'text' field")
    if item.get("id") not in (None, ""):
        doc = f"{path}#{item['id']}"
    return _from_record(doc, item)


def _from_record(doc: str, record: dict[str, Any]) -> Article:
    return Article(doc=doc, text=record["text"], **_metadata(record))


def _json_object(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def _lines(text: str) -> list[str]:
    """Lines as editors number them: split at LF only (str.splitlines also splits at FF, NEL...)."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]

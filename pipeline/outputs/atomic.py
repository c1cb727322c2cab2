"""Writing a file the user named (kg export, kg report): whole or not at all, and never over what is not a file.

A regular file (or a name not yet taken) is written beside itself under a temporary name and renamed over
it once complete, so a full disk or a crash leaves the previous version whole. A symbolic link is followed:
its target is written, the link stays. A device, pipe or socket (``/dev/stdout``, ``/dev/null``, a FIFO) is
streamed to, as ``-`` streams to standard output: renaming over one would replace the device itself.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from pipeline.errors import KgFailure
from pipeline.messages import quoted

STDOUT = "-"


class OutputError(KgFailure):
    """The file cannot be written; the message is one line naming it, and what was there is kept."""


def shown(target: str) -> str:
    """How a message names the output: ``stdout`` for ``-``, else the quoted path."""
    return "stdout" if target == STDOUT else quoted(target)


@contextmanager
def output(target: str | os.PathLike[str] | IO[Any], binary: bool = False) -> Iterator[IO[Any]]:
    """An open file for ``target`` (a path, ``-`` or an open stream); what is written there stands only
    if the block completes. OutputError names the file when it cannot be written."""
    if not isinstance(target, (str, os.PathLike)):
        yield target
        return
    path = os.fspath(target)
    if path == STDOUT:
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None  # not there yet (or a dangling link): created as a regular file
    if mode is not None and not stat.S_ISREG(mode):
        with _streamed(path, binary) as f:
            yield f
    else:
        with _replacing(os.path.realpath(path), binary, path, mode) as f:
            yield f


def _open_mode(binary: bool) -> dict[str, Any]:
    return {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8"}


@contextmanager
def _streamed(path: str, binary: bool) -> Iterator[IO[Any]]:
    """A device, pipe or socket, written in place (it cannot be replaced, and need not be)."""
    try:
        f = open(path, **_open_mode(binary))  # noqa: SIM115 - closed below, with its error named
    except OSError as e:
        raise OutputError(f"{quoted(path)}: cannot write: {e.strerror or e}") from None
    try:
        with f:
            yield f
    except OSError as e:
        raise OutputError(f"{quoted(path)}: cannot write: {e.strerror or e}") from None


@contextmanager
def _replacing(real: str, binary: bool, named: str, mode: int | None) -> Iterator[IO[Any]]:
    """A temporary file beside ``real`` that becomes ``real`` only once fully written; the file keeps the
    permissions it had (a new one gets the umask's)."""
    folder, base = os.path.split(real)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder or ".", prefix=f".{base}.", suffix=".tmp")
    except OSError as e:
        raise OutputError(f"{quoted(named)}: cannot write: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, **_open_mode(binary)) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, real)
    except OSError as e:
        os.unlink(tmp)
        raise OutputError(f"{quoted(named)}: cannot write: {e.strerror or e}; nothing written") from None
    except BaseException:
        os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

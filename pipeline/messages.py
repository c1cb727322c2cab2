"""What a message may show of outside text: one message stays one line, and shows no secret.

A file name can hold a newline or terminal escapes (``\\e[2J`` clears the screen); printed as it is, one
error becomes two lines, or the terminal obeys it. A URI can carry a password (``bolt://neo4j:SECRET@host``).
Every message that names a file or a URI goes through here.
"""

from __future__ import annotations

import re

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", '"': '\\"'}
_CREDENTIALS = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/:@]*):\S*@")


def quoted(name: str) -> str:
    """``name`` as it is when every character prints; else in double quotes with C-style escapes (``\\n``,
    ``\\x1b``, ``\\u2028``), as ``ls`` quotes odd names. A name that starts with a quote is quoted too, so
    the two forms never look alike."""
    if name.isprintable() and not name.startswith('"'):
        return name
    return '"' + "".join(_escape(c) for c in name) + '"'


def _escape(c: str) -> str:
    if c in _ESCAPES:
        return _ESCAPES[c]
    if c.isprintable():
        return c
    code = ord(c)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def redacted(text: str) -> str:
    """``text`` with the password of every ``scheme://user:password@`` replaced by ``***``."""
    return _CREDENTIALS.sub(r"\1:***@", text)

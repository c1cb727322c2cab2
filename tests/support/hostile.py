"""Hostile input files shared by the reading, extract and ingest tests (issue 25)."""

from __future__ import annotations

import os
from pathlib import Path

GOOD = "中国联通发布公告称，将下调批发价。"
BILLION_LAUGHS = (
    "---\n"
    + "".join(
        f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" if i else "l0: &l0 [lol, lol, lol]\n" for i in range(10)
    )
    + "title: 炸弹\n---\n正文。\n"
)


def hostile_files(folder: Path) -> dict[str, str]:
    """Files under folder that must each fail with a reason (name -> start of the reason)."""
    folder.mkdir(exist_ok=True)
    (folder / "deep.jsonl").write_text("[" * 100_000 + "\n", encoding="utf-8")
    (folder / "deep.json").write_text('{"text": ' + "[" * 100_000, encoding="utf-8")
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "bomb.md").write_text(BILLION_LAUGHS, encoding="utf-8")
    (folder / "deep_front.md").write_text("---\ntitle: " + "[" * 100_000 + "\n---\n正文。\n", encoding="utf-8")
    (folder / "big.txt").write_text(GOOD * 4000, encoding="utf-8")  # 204,000 bytes
    return {
        "deep.jsonl:1": "not JSON: nested too deeply",
        "deep.json": "not JSON: nested too deeply",
        "fifo.txt": "not a regular file (a FIFO)",
        "zero.txt": "not a regular file (a character device)",
        "bomb.md": "broken front matter: aliases (*name) are not allowed",
        "deep_front.md": "broken front matter: nested too deeply",
        "big.txt": "too large: over 200,000 bytes (--max-bytes raises the limit)",
    }

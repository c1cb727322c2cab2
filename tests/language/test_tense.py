"""A title's tense, read from the word before its chain or at the title's start."""

from __future__ import annotations

import pytest

from pipeline.language.tense import read


@pytest.mark.parametrize(
    "text, chain, title, expected",
    [
        ("时任中国联通董事长常小明表示", "中国联通", "董事长", ("then", "董事长")),
        ("，原苏宁互联副总经理王帅说", "苏宁互联", "副总经理", ("former", "副总经理")),
        ("原苏宁互联副总经理王帅说", "苏宁互联", "副总经理", ("former", "副总经理")),
        ("中国联通前董事长常小明", "中国联通", "前董事长", ("former", "董事长")),
        ("他曾任远特通信副总裁", "远特通信", "副总裁", ("former", "副总裁")),
        ("现任总裁张海涛", "总裁", "总裁", ("current", "总裁")),
        ("新任总经理陈晓东", "总经理", "总经理", ("new", "总经理")),
        ("此前中国联通董事长常小明", "中国联通", "董事长", (None, "董事长")),  # 此前 is no 前
        ("目前总裁张海涛", "总裁", "总裁", (None, "总裁")),
        ("中国联通董事长常小明", "中国联通", "董事长", (None, "董事长")),
    ],
)
def test_tense(text, chain, title, expected):
    assert read(text, text.index(chain), title) == expected

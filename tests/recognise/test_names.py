"""Where a person's name ends (invented people)."""

import pytest

from pipeline.recognise.names import name_at


@pytest.mark.parametrize(
    "text, length",
    [
        ("王帅在接受采访时表示", 2),
        ("王献蜀表示", 3),
        ("刘东海在接受", 3),
        ("赵健也称", 2),
        ("欧阳明透露", 3),
        ("刘先生说", 0),
        ("表示同意", 0),
        ("韩磊近日表示", 2),
        ("周涛做年度总结时指出", 2),
        ("孙伟为论坛致辞", 2),
        ("王帅针对这一问题", 2),  # the next word's first character
        ("陈建国告诉记者", 3),
        ("李海涛对此表示", 3),
        ("闫晓明说", 3),  # jieba: 闫晓|明说
    ],
)
def test_name_lengths(text, length):
    assert name_at(text, 0) == length

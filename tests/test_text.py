"""Facts about Chinese sentence structure: brackets, quotes, clause marks."""
import pytest

from pipeline.text import without_loose_marks


@pytest.mark.parametrize("text, expected", [
    ("KeSPA(", "KeSPA"),  # an opening bracket with no partner
    ("【陈云波", "陈云波"),
    ("ChrisMorris)", "ChrisMorris"),  # a closing one with no partner
    ("监督总站。", "监督总站"),  # a sentence mark
    ("伊斯兰国”", "伊斯兰国"),
    ("（VinDiesel）", "（VinDiesel）"),  # a pair stays
    ("星展银行（中国）", "星展银行（中国）"),
    ("“星展中国”", "“星展中国”"),
    ("哈罗德•", "哈罗德•"),  # CLUENER keeps a name's dot
    ("。", ""),
])
def test_loose_marks_leave_a_span(text, expected):
    start, end = without_loose_marks(text, 0, len(text))
    assert text[start:end] == expected


def test_the_span_is_read_in_its_sentence():
    text = "据KeSPA(韩国电子竞技协会)称"
    assert without_loose_marks(text, 1, 7) == (1, 6)

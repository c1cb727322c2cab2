"""Where a person's name ends (invented people)."""

import pytest

from pipeline.recognise.names import foreign_name_at, name_at


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


@pytest.mark.parametrize("text", ["鲁向东辞去执行董事职务", "石向阳出任总经理", "高向东辞去执行董事职务"])
def test_a_given_name_opening_with_a_function_word_is_kept_whole(text):
    assert name_at(text, 0) == 3


def test_a_function_word_after_a_surname_like_adverb_is_no_name():
    assert name_at("将向东部地区投资", 0) == 0


@pytest.mark.parametrize(
    "text, length",
    [
        # a name in Latin letters: capitalised words, two or three
        ("David Chen表示", 10),
        ("Maria Lopez Garcia指出，", 18),
        ("Jun Wang说", 8),
        # one capitalised word or a lower-case one is no such name
        ("Apple表示", 0),
        ("David chen表示", 0),
    ],
)
def test_a_latin_name_is_its_capitalised_words(text, length):
    assert foreign_name_at(text, 0) == length

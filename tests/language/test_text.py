"""Facts about Chinese sentence structure: brackets, quotes, clause marks."""

import pytest

from pipeline.language.text import without_loose_marks


@pytest.mark.parametrize(
    "text, expected",
    [
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
    ],
)
def test_loose_marks_leave_a_span(text, expected):
    start, end = without_loose_marks(text, 0, len(text))
    assert text[start:end] == expected


def test_the_span_is_read_in_its_sentence():
    text = "据KeSPA(韩国电子竞技协会)称"
    assert without_loose_marks(text, 1, 7) == (1, 6)


def test_alternation_matches_the_longest_form_whatever_the_order():
    import re

    from pipeline.language.text import alternation

    pattern = re.compile(alternation(["总裁", "执行总裁", "总裁", "a.b"]))
    assert pattern.findall("执行总裁与总裁") == ["执行总裁", "总裁"]
    assert pattern.fullmatch("a.b") and not pattern.fullmatch("axb")  # literals, escaped


@pytest.mark.parametrize("template", ["{}", "(?:{})b", "[a-z]{{0,3}}?(?:{})c", "(?:{})+", "x?(?:{})(?=国)"])
def test_alternation_grouped_by_first_character_matches_as_the_flat_list(template):
    import random
    import re

    from pipeline.language.text import alternation

    rng = random.Random(2)
    chars = "ab.c中国移动联通"
    for _ in range(300):
        words = ["".join(rng.choices(chars, k=rng.randint(1, 4))) for _ in range(rng.randint(1, 12))]
        flat = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
        grouped, plain = re.compile(template.format(alternation(words))), re.compile(template.format(flat))
        for _ in range(5):
            text = "".join(rng.choices(chars + "xyz", k=rng.randint(0, 20)))
            assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
            for i in range(len(text)):
                got, want = grouped.match(text, i), plain.match(text, i)
                assert (got and got.end()) == (want and want.end())


def test_clause_start_is_after_the_last_delimiter_before_the_position():
    from pipeline.language.text import SENTENCE_DELIMITERS, clause_start

    text = "去年，用户增长；今年，收入增长"
    assert clause_start(text, text.index("收入")) == text.index("收入")
    assert clause_start(text, text.index("收入"), SENTENCE_DELIMITERS) == text.index("今年")
    assert clause_start(text, 1) == 0


def test_strip_span_strips_whitespace_or_the_given_characters():
    from pipeline.language.text import strip_span

    assert strip_span("  正文 \n", 0, 6) == (2, 4)
    assert strip_span("，正文。", 0, 4, "，。") == (1, 3)
    assert strip_span("   ", 0, 3) == (3, 3)

"""Job titles in one sentence (invented people)."""
from pipeline.recognise.titles import titles


def test_joined_titles_are_one_title():
    text = "瀚海互联创始人兼CEO高子健表示"
    assert [t.name for t in titles(text, [])] == ["创始人兼CEO"]

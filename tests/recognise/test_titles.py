"""Job titles in one sentence (invented people)."""

from pipeline.language import segment
from pipeline.recognise.organisations import organisations
from pipeline.recognise.titles import titles


def test_joined_titles_are_one_title():
    text = "瀚海互联创始人兼CEO高子健表示"
    assert [t.name for t in titles(text, [])] == ["创始人兼CEO"]


def test_the_rest_of_a_title_an_organisations_name_runs_into():
    text = "全国政协委员王刚"
    orgs = organisations(text, segment.boundaries(text))
    assert [t.name for t in titles(text, orgs)] == ["委员"]

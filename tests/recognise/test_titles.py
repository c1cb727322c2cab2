"""Job titles in one sentence (invented people)."""

import pytest

from pipeline.extract import extract
from pipeline.language import segment
from pipeline.recognise.organisations import organisations
from pipeline.recognise.titles import titles
from pipeline.records import Article


def test_joined_titles_are_one_title():
    text = "瀚海互联创始人兼CEO高子健表示"
    assert [t.name for t in titles(text, [])] == ["创始人兼CEO"]


def test_the_rest_of_a_title_an_organisations_name_runs_into():
    text = "全国政协委员王刚"
    orgs = organisations(text, segment.boundaries(text))
    assert [t.name for t in titles(text, orgs)] == ["委员"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("星海信息学会常务副理事长李红说", ["常务副理事长"]),
        ("云途研究院常务副院长周立认为", ["常务副院长"]),
        ("据东方通信产业促进会执行副会长孙远介绍", ["执行副会长"]),
    ],
)
def test_executive_deputy_titles_are_whole(text, expected):
    assert [t.name for t in titles(text, [])] == expected


def test_a_title_whose_first_character_ends_the_unit_is_whole():
    text = "工信部信息通信发展司长周建平"
    orgs = organisations(text, segment.boundaries(text))
    assert [(t.name, t.text) for t in titles(text, orgs)] == [("司长", "长")]


def test_hong_kong_and_listed_company_titles_are_whole():
    assert [t.name for t in titles("星联通信行政总裁韩磊称", [])] == ["行政总裁"]
    assert [t.name for t in titles("瀚海互联执行董事兼首席营运官李跃表示", [])] == ["执行董事兼首席营运官"]
    assert [t.name for t in titles("分享通信财务总监兼公司秘书吴宁称", [])] == ["财务总监兼公司秘书"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("绿委陈志豪质疑，主管机关对业者的监督不足。", ("陈志豪", "绿委")),
        ("立委黄淑芬表示，偏乡的网络覆盖仍待加强。", ("黄淑芬", "立委")),
        ("蓝委林佩君在质询时说，资费调整应先公告。", ("林佩君", "蓝委")),
    ],
)
def test_taiwan_legislators_labels_are_titles_and_the_person_speaks(text, expected):
    x = extract(Article(doc="t", text=text))
    assert [(r.person, r.title) for r in x.roles] == [expected]
    assert [s.speaker for s in x.statements] == [expected[0]]

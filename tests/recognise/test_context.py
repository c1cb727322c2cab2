"""Pass 1: what an article's sentences name, read once and frozen (invented people and companies)."""

import dataclasses

import pytest
from rules_only import context

from pipeline.recognise.context import persons_in


def test_people_introduced_anywhere_are_known_in_order():
    ctx = context("他说会降价。苏宁互联副总经理韩磊表示，资费会降。分享通信董事长周海涛也说。")
    assert ctx.known_persons == ("韩磊", "周海涛")
    assert [(c.person.name, c.org.name) for c in ctx.chains] == [("韩磊", "苏宁互联"), ("周海涛", "分享通信")]


def test_a_short_name_defined_once_is_an_organisation_for_the_rest_of_the_article():
    ctx = context("深圳华信智联通信科技有限公司（以下简称“华信智联”）成立于2014年。华信智联去年营收增长。")
    assert [(o.name, o.text) for o in ctx.sentences[1].orgs] == [("华信智联", "华信智联")]


def test_a_title_after_the_company_anaphor_names_the_last_company():
    ctx = context("分享通信发布了新套餐。该公司总经理何志远向记者透露，用户已过百万。")
    assert ctx.employer("何志远") == "分享通信"


def test_the_context_is_frozen():
    ctx = context("苏宁互联副总经理韩磊表示，资费会降。")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.known_persons = ()  # type: ignore[misc]


def test_persons_in_finds_known_names_outside_organisation_names():
    ctx = context("苏宁互联副总经理韩磊表示，资费会降。韩磊还说，套餐会更多。")
    assert [p.name for p in persons_in(ctx.sentences[1], ctx.known_persons)] == ["韩磊"]
    assert persons_in(ctx.sentences[1], ()) == []


def test_a_name_a_title_introduces_wins_over_an_organisation_inside_it():
    ctx = context("星联通信董事长李华为大会致辞。")
    assert [(c.person.name, c.org.name) for c in ctx.chains] == [("李华", "星联通信")]
    assert [o.name for o in ctx.sentences[0].orgs] == ["星联通信"]  # no 华为


def test_bylines_roles_and_the_ministry_of_a_lone_bu():
    ctx = context("通信世界  罗立\n新华社上海4月9日电（记者 张明 韩磊）工信部副部长孙明，部新闻发言人黄立新介绍情况。")
    assert {(c.person.name, c.title.name if c.title else None, c.org.name) for c in ctx.chains} == {
        ("罗立", None, "通信世界"),
        ("张明", "记者", "新华社"),
        ("韩磊", "记者", "新华社"),
        ("孙明", "副部长", "工业和信息化部"),
        ("黄立新", "新闻发言人", "工业和信息化部"),
    }
    assert "罗立" in ctx.known_persons


def test_an_interviews_name_label_names_a_person():
    ctx = context("记者：您怎么看？\n苗立：转售是一项重要改革。\n问：还有呢？")
    assert ctx.known_persons == ("苗立",)

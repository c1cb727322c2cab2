"""Pass 1: what an article's sentences name, read once and frozen (invented people and companies)."""

import dataclasses

import pytest
from rules_only import context

from pipeline.read.clean import sentences
from pipeline.recognise import chains
from pipeline.recognise.context import persons_in, read_context
from pipeline.records import Article, Hit


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


def test_a_name_the_model_reads_across_a_title_is_no_person():
    article = Article(doc="t", text="星联通信首席财务官林琳将辞职。")
    spans = sentences(article)
    ctx = read_context(article, spans, [[Hit(8, 11, "PERSON", "官林琳", "官林琳")]])  # 官 is a surname too
    assert ctx.known_persons == ("林琳",)


def test_a_company_reference_before_a_title_is_the_last_company_named_before_it():
    ctx = context("中国电信公布业绩。公司总裁邵立新表示，天翼云收入翻番。")
    assert ctx.employer("邵立新") == "中国电信"  # not 天翼云, named after the title


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国移动董事长王立出席。他曾任中国电信副总经理。", ("王立", "副总经理", "中国电信")),
        ("星联通信总裁孙丽表示，她此前担任瀚海互联副总裁。", ("孙丽", "副总裁", "瀚海互联")),
        ("工信部部长苗立到会。会后宣布，他将兼任国资委主任。", ("苗立", "主任", "国资委")),
    ],
)
def test_a_pronoun_holding_a_post_is_the_person_named_last(text, expected):
    ctx = context(text)
    assert expected in {(c.person.name, c.title.name, c.org.name) for c in ctx.chains if c.title and c.org}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通副总经理赵刚年满六十。集团决定免去其中国联通董事职务。", ("赵刚", "董事", "中国联通")),
        ("董事会推选钱伟为董事，并委任其为中国铁塔副董事长。", ("钱伟", "副董事长", "中国铁塔")),
        ("独立董事孙悦因个人原因请辞，董事会同意并免除其中国铁塔副总裁职务。", ("孙悦", "副总裁", "中国铁塔")),
    ],
)
def test_其_after_a_verb_of_appointing_is_the_person_named_last(text, expected):
    ctx = context(text)
    assert expected in {(c.person.name, c.title.name, c.org.name) for c in ctx.chains if c.title and c.org}


def test_a_pronoun_holding_a_post_with_nobody_named_before_gives_no_chain():
    assert context("他曾任中国电信副总经理。").chains == ()


def test_the_articles_organisations_once_each_in_the_order_first_named():
    ctx = context("中国联通与京东签署协议。京东表示满意。中国移动也在洽谈。")
    assert ctx.org_names == ("中国联通", "京东", "中国移动")


@pytest.mark.parametrize(
    "text, known",
    [
        ("星联通信副总经理张伟表示，用户已超过十万。张经理还说，明年将推出新套餐。", ("张伟",)),
        ("云途科技董事长王刚称，业务稳定。王先生补充说，渠道仍在扩张。", ("王刚",)),
        ("瀚海互联总裁李明表示，资费会降。记者的朋友王女士说，她换了号码。", ("李明", "王女士")),
    ],
)
def test_a_surname_and_an_honorific_after_a_full_name_of_that_surname_is_no_new_person(text, known):
    assert context(text).known_persons == known


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("星联通信董事会日前选举周海涛为董事长。", ("周海涛", "董事长", "星联通信")),  # the appointing body
        ("韩磊去年加盟分享通信，出任首席执行官。", ("韩磊", "首席执行官", "分享通信")),  # joined, then a post
        ("分享通信公布了年报。总裁何志远表示，用户增长较快。", ("何志远", "总裁", "分享通信")),  # the sentence before
        (
            "有消息称中国移动将调整资费，董事长刘军表示不予置评。",
            ("刘军", "董事长", "中国移动"),
        ),  # not opening the clause
        ("工信部宣布，任命王刚为董事长。", ("王刚", "董事长", None)),  # no government body's
        ("小米与中国联通签署协议，总经理赵强表示合作顺利。", ("赵强", "总经理", None)),  # two named: whose?
        ("据新京报报道，董事长李明称。", ("李明", "董事长", None)),  # nor an outlet's
    ],
)
def test_a_company_officers_title_without_organisation_is_at_the_company_named_last(text, expected):
    ctx = context(text)
    assert [(r.person, r.title, r.org) for r in chains.roles(list(ctx.chains))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("分享通信昨日宣布降价。 记者:周海涛", [("周海涛", "记者", None)]),
        ("分享通信昨日宣布降价。\n记者：周海涛 李明", [("周海涛", "记者", None), ("李明", "记者", None)]),
        ("飞象网韩磊/文\n分享通信昨日宣布降价。", [("韩磊", None, "飞象网")]),
    ],
)
def test_a_byline_outside_the_kept_sentences_still_gives_its_role(text, expected):
    ctx = context(text)
    assert [(r.person, r.title, r.org) for r in chains.roles(list(ctx.chains))] == expected


@pytest.mark.parametrize(
    ("text", "expected", "employer"),
    [
        (
            "工信部副部长、党组成员，国家航天局局长王刚出席会议。",
            [
                ("王刚", "局长", "国家航天局"),
                ("王刚", "副部长", "工业和信息化部"),
                ("王刚", "党组成员", "工业和信息化部"),
            ],
            "国家航天局",
        ),
        (
            "星联通信副总裁，分享通信总经理韩磊表示，资费会降。",
            [("韩磊", "总经理", "分享通信"), ("韩磊", "副总裁", "星联通信")],
            "分享通信",
        ),
        (
            "中国电信党组成员、副总经理，天翼智慧家庭公司董事长李明表示。",
            [
                ("李明", "董事长", "天翼智慧家庭公司"),
                ("李明", "党组成员", "中国电信"),
                ("李明", "副总经理", "中国电信"),
            ],
            "天翼智慧家庭公司",
        ),
    ],
)
def test_posts_listed_by_a_comma_before_a_name_are_its_holders_the_one_next_to_it_first(text, expected, employer):
    ctx = context(text)
    assert [(r.person, r.title, r.org) for r in chains.roles(list(ctx.chains))] == expected
    assert ctx.employer(expected[0][0]) == employer


def test_posts_in_a_clause_that_is_more_than_posts_join_no_name_after_a_comma():
    ctx = context("华为从中国移动挖来多名高管，其中包括副总裁王强。")
    assert ("王强", "高管", "中国移动") not in [(r.person, r.title, r.org) for r in chains.roles(list(ctx.chains))]

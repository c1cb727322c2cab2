"""Assembly: entities with every mention, the article's names for its organisations, the keys ids use."""

import pytest
from rules_only import context

from pipeline.extract import extract
from pipeline.graph import article_graph, org_id
from pipeline.recognise.context import persons_in
from pipeline.records import Article, Figure
from pipeline.resolve import _distinct_figures, article_names, build_entities


def test_a_brand_family_goes_by_the_name_the_article_uses_most():
    ctx = context("小米移动发布新套餐。小米移动的用户增长。小米公司表示满意。")
    assert article_names(ctx) == {"小米": "小米移动"}


def test_a_holding_company_keeps_its_name_beside_its_mvno_arm():
    ctx = context("天音控股发布年报。天音控股营收增长。天音移动用户增长。")
    assert article_names(ctx) == {"天音": "天音移动"}  # not 天音 for 天音控股


def test_a_regulator_keeps_its_official_name():
    assert article_names(context("工信部发布通知。工信部要求实名登记。")) == {}


def test_the_extraction_uses_the_articles_name_and_keeps_the_gazetteers_as_key():
    x = extract(Article(doc="t", text="小米移动发布新套餐。小米移动副总裁张晓明表示，小米移动的用户超过100万户。"))
    [org] = [e for e in x.entities if e.label == "COMPANY"]
    assert (org.name, org.key) == ("小米移动", "小米")
    assert [r.org for r in x.roles] == ["小米移动"] and {f.subject for f in x.figures} == {"小米移动"}
    nodes, _ = article_graph(x)
    assert [n.props["name"] for n in nodes if n.id == org_id("小米")] == ["小米"]  # the node is the gazetteer's


def test_entities_gather_every_mention_people_after_organisations():
    ctx = context("苏宁互联副总经理韩磊表示，资费会降。韩磊还说，苏宁互联会推出新套餐。")
    people = [tuple(persons_in(sent, ctx.known_persons)) for sent in ctx.sentences]  # as the speech stage finds them
    entities = build_entities(ctx, people)
    assert [(e.label, e.name, len(e.mentions)) for e in entities] == [
        ("COMPANY", "苏宁互联", 2),
        ("PERSON", "韩磊", 2),
        ("POSITION", "副总经理", 1),
    ]
    assert entities[0].key == "苏宁互联" and entities[1].key == ""
    assert [e.name for e in build_entities(ctx, [(), ()]) if e.label == "PERSON"] == []


def test_a_figure_restated_is_kept_once():
    first = Figure("约20万个", 200000, "个", None, 0, 5)
    again = Figure("不止20万", 200000, "个", None, 9, 14)  # its unit only inferred
    other = Figure("20万元", 200000, "元", None, 20, 24)
    assert _distinct_figures([first, again, other]) == [first, other]


def test_the_same_value_is_a_new_fact_when_written_otherwise_or_of_another_organisation():
    move = Figure("5%", 0.05, "%", "中国移动", 0, 2)
    unicom = Figure("5%", 0.05, "%", "中国联通", 10, 12)  # 移动增长5%，联通也增长5%
    users = Figure("1亿户", 1e8, "户", "中国电信", 20, 23)
    more = Figure("1亿多户", 1e8, "户", "中国电信", 30, 34)  # 用户超过1亿户…这多出来的1亿多户
    again = Figure("5%", 0.05, "%", "中国移动", 40, 42)
    assert _distinct_figures([move, unicom, users, more, again]) == [move, unicom, users, more]


@pytest.mark.parametrize(
    "text, later",
    [
        ("两家公司的用户差距超过2000万。据测算，这部分差距中有2000多万户是物联网用户。", "2000多万户"),
        ("平台累计下载量突破5亿，其中5亿次来自安卓手机。", "5亿次"),
        ("京东的营收领先对手约30亿，多出的30亿元主要来自电商业务。", "30亿元"),
    ],
)
def test_a_bare_amount_does_not_swallow_the_same_value_written_later_with_its_unit(text, later):
    assert later in [f.text for f in extract(Article(doc="t", text=text)).figures]

import pytest
from rules_only import context

from pipeline.relate.figures import find_figures


def figures(text):
    return [(f.text, f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("一共放出约20万个号码", [("约20万个号码", 200_000, "个")]),
        ("实际有效用户应该占比约10%", [("约10%", 0.1, "%")]),
        ("虚拟运营商用户达到40万", [("40万", 400_000, "户")]),
        ("公司用户数突破三千万用户", [("三千万用户", 30_000_000, "户")]),
        ("营收1.5亿元", [("1.5亿元", 150_000_000, "元")]),
        ("市场份额百分之三十", [("百分之三十", 0.3, "%")]),
        ("拥有超过1500家店面", [("超过1500家", 1500, "家")]),
        ("10多万用户", [("10多万用户", 100_000, "户")]),
        ("工信部分两批发放牌照", [("两批", 2, "批")]),
        ("利润总额首次突破百亿，达到", [("百亿", 10_000_000_000, None)]),
        ("营业收入为人民币 4750 亿元，", [("4750 亿元", 475_000_000_000, "元")]),
        ("股价为 4.21 港元", [("4.21 港元", 4.21, "港元")]),
        ("增速提高3.2个百分点", [("3.2个百分点", 3.2, "个百分点")]),
        ("TD-LTE两种", [("两种", 2, "种")]),
    ],
)
def test_figures_are_normalised(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "发放牌照近10个月",
        "9月26日正式发布",
        "8核游戏手机",
        "发放170号码",
        "第四批牌照",
        "仅前三家虚拟运营商",
        "前期投入至少上千万",
        "后面还有上百家企业",
        "一位虚拟运营商大佬",
        "微信：maoqiying2008",
        "三基础运营商",
        "推进万卡集群投产",
        "千元以下的手机",
        "保持两位数增长",
        "开展二次实名核验",
        "三家基础电信企业",
        "三大运营商",
    ],
)
def test_dates_ranks_ids_and_vague_amounts_are_not_figures(text):
    assert figures(text) == []


def test_offsets_point_at_the_figure():
    text = "迪信通打算将募股金额56%用于扩张"
    (f,) = find_figures(text)
    assert text[f.start : f.end] == f.text == "56%"


def subjects(text):
    """Each figure's subject, the sentences read in turn as extract does (speech left out)."""
    from pipeline.relate.figures import next_topic, sentence_figures

    ctx, topic, out = context(text), None, []
    for sent in ctx.sentences:
        out += [(f.text, f.subject) for f in sentence_figures(sent, ctx, topic, [])]
        topic = next_topic(sent, topic)
    return out


def test_a_figure_measures_the_organisation_of_its_clause_in_article_offsets():
    from pipeline.relate.figures import sentence_figures

    text = "前言\n中国联通表示，分享通信的用户超过50万户。"
    ctx = context(text)
    [f] = sentence_figures(ctx.sentences[-1], ctx, None, [])
    assert (f.text, f.subject, text[f.start : f.end]) == ("超过50万户", "分享通信", "超过50万户")


def test_without_one_in_its_clause_the_company_that_opens_the_sentence():
    assert subjects("分享通信去年发展顺利，目前已超过50万户。") == [("超过50万户", "分享通信")]
    # the clause's subject is the whole trade, no one company
    assert subjects("分享通信去年发展顺利，虚拟运营商已超过500万户。") == [("超过500万户", None)]


def test_the_topic_carries_to_later_sentences_until_another_organisation_takes_it():
    text = "上半年，分享通信实现营业收入12亿元。移动用户ARPU达到44.4元。工信部发布通知。今年新增用户约5万户。"
    assert subjects(text) == [("12亿元", "分享通信"), ("44.4元", "分享通信"), ("约5万户", None)]


def test_a_count_of_organisations_measures_none_unless_a_company_counts_its_own():
    assert subjects("工信部已向11家企业发放牌照。") == [("11家", None)]
    assert subjects("迪信通在全国拥有超过1500家店面。") == [("超过1500家", "迪信通")]


def test_an_executive_reports_the_company_he_works_for():
    from pipeline.records import Statement
    from pipeline.relate.figures import next_topic, sentence_figures

    text = "工信部召开座谈会，分享通信总经理张伟出席。张伟表示，今年用户将达到300万户。"
    ctx = context(text)
    first, second = ctx.sentences
    topic = next_topic(first, None)
    assert topic is None  # the first sentence is the ministry's
    said = Statement("张伟", None, "表示", "今年用户将达到300万户", [], text.index("今年"), len(text) - 1)
    assert [f.subject for f in sentence_figures(second, ctx, topic, [said])] == ["分享通信"]
    assert [f.subject for f in sentence_figures(second, ctx, topic, [])] == [None]

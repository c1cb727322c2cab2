import pytest

from pipeline.figures import find_figures


def figures(text):
    return [(f.text, f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("一共放出约20万个号码", [("约20万个号码", 200_000, "个")]),
    ("实际有效用户应该占比约10%", [("约10%", 0.1, "%")]),
    ("虚拟运营商用户达到40万", [("40万", 400_000, "户")]),
    ("公司用户数突破三千万用户", [("三千万用户", 30_000_000, "户")]),
    ("营收1.5亿元", [("1.5亿元", 150_000_000, "元")]),
    ("市场份额百分之三十", [("百分之三十", 0.3, "%")]),
    ("拥有超过1500家店面", [("超过1500家", 1500, "家")]),
    ("10多万用户", [("10多万用户", 100_000, "户")]),
])
def test_figures_are_normalised(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "发放牌照近10个月", "9月26日正式发布", "8核游戏手机", "发放170号码", "第四批牌照", "仅前三家虚拟运营商",
    "前期投入至少上千万", "后面还有上百家企业", "一位虚拟运营商大佬", "微信：maoqiying2008", "三基础运营商",
])
def test_dates_ranks_ids_and_vague_amounts_are_not_figures(text):
    assert figures(text) == []


def test_offsets_point_at_the_figure():
    text = "迪信通打算将募股金额56%用于扩张"
    (f,) = find_figures(text)
    assert text[f.start:f.end] == f.text == "56%"


def sentence(text):
    from pipeline.clean import sentences
    from pipeline.context import read_context
    from pipeline.records import Article

    article = Article(doc="t", text=text)
    spans = sentences(article)
    return read_context(article, spans, [[] for _ in spans]).sentences[-1]


def test_a_figure_measures_the_organisation_of_its_clause_in_article_offsets():
    from pipeline.figures import sentence_figures

    text = "前言\n中国联通表示，分享通信的用户超过50万户。"
    [f] = sentence_figures(sentence(text))
    assert (f.text, f.subject, text[f.start:f.end]) == ("超过50万户", "分享通信", "超过50万户")


def test_without_one_in_its_clause_the_company_that_opens_the_sentence():
    from pipeline.figures import sentence_figures

    [f] = sentence_figures(sentence("分享通信去年发展顺利，目前已超过50万户。"))
    assert f.subject == "分享通信"
    [f] = sentence_figures(sentence("分享通信去年发展顺利，虚拟运营商已超过500万户。"))
    assert f.subject is None  # the clause's subject is the whole trade, no one company

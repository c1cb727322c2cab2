"""The trained NER's spans as hits: kinds, companies run on to their tails, loose marks."""

import pytest

from pipeline.recognise.model import company_end, model_hits, model_organisations, org_kind
from pipeline.records import Hit


@pytest.mark.parametrize(
    "name,label,kind",
    [
        ("上海永嘉投资管理公司", "LOCATION", "COMPANY"),  # a place-led company is no place
        ("德国国家发展银行", "GOVERNMENT", "COMPANY"),
        ("中国人民银行", "COMPANY", "GOVERNMENT"),  # the gazetteer knows it: its kind beats the suffix's
        ("深圳市人民政府", "ORGANIZATION", "GOVERNMENT"),
        ("北京", "LOCATION", "LOCATION"),  # no suffix: the model's label stands
        ("银行", "COMPANY", "COMPANY"),  # a bare suffix is no name
        ("马云", "PERSON", "PERSON"),
    ],
)
def test_org_kind_follows_the_suffix(name, label, kind):
    assert org_kind(name, label) == kind


@pytest.mark.parametrize(
    "text, start, end, name",
    [
        ("同派拉蒙影片公司合作", 1, 4, "派拉蒙影片公司"),  # nouns before the tail: one name
        ("上述中储粮黑龙江公司的人士", 2, 5, "中储粮黑龙江公司"),
        ("小米集团发布财报", 0, 2, "小米集团"),  # the tail right after it
        ("腾讯等公司", 0, 2, "腾讯"),  # a function word: other companies
        ("中国银行收购信托公司", 0, 4, "中国银行"),  # a verb: another company
        ("花旗在美国", 0, 2, "花旗"),  # no tail
    ],
)
def test_a_company_runs_on_to_its_tail_over_nouns(text, start, end, name):
    assert text[start : company_end(text, start, end)] == name


def test_a_company_that_runs_on_takes_in_the_span_it_reaches():
    text = "上述中储粮黑龙江公司的人士说"
    hits = model_hits(text, [(2, 5, "COMPANY"), (5, 10, "COMPANY"), (11, 13, "POSITION")])
    assert [(h.text, h.label) for h in hits] == [("中储粮黑龙江公司", "COMPANY"), ("人士", "POSITION")]


def test_model_spans_lose_loose_marks():
    text = "【陈云波】表示"
    assert [h.text for h in model_hits(text, [(0, 4, "PERSON")])] == ["陈云波"]


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("周明任江西分公司总经理。", "周明任江西分公司", "江西分公司"),
        ("原华为研究院院长发言。", "原华为研究院", "华为研究院"),
        ("孙丽出任华翔联信公司董事长。", "孙丽出任华翔联信公司", "华翔联信公司"),
    ],
)
def test_a_span_opening_with_a_tense_or_a_holder_and_verb_starts_after_them(text, span, expected):
    hit = Hit(text.index(span), text.index(span) + len(span), "ORGANIZATION", span, span)
    assert [h.text for h in model_organisations(text, [hit], [])] == [expected]


@pytest.mark.parametrize(
    "text, span",
    [("网友在百度贴吧反映", "百度"), ("注册时不支持绑定网易邮箱", "网易"), ("用户可用腾讯地图查找营业厅", "腾讯")],
)
def test_a_model_span_before_a_product_word_names_the_product(text, span):
    hit = Hit(text.index(span), text.index(span) + len(span), "COMPANY", span, span)
    assert model_organisations(text, [hit], []) == []

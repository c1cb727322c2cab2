"""Organisations, titles and names in one sentence (invented people, real and invented companies)."""
import pytest

from pipeline import ner, segment
from pipeline.known import KnownName
from pipeline.recognise import (Hit, company_end, known_company_mentions, known_kinds, model_hits, name_at, org_kind,
                                organisations, registered_names, titles, with_missed)


def orgs(text, local=None):
    return [(h.name, h.text) for h in organisations(text, segment.boundaries(text), local)]


@pytest.mark.parametrize("text, expected", [
    ("迪信通公司创始人在会上发言", [("迪信通", "迪信通公司")]),                    # gazetteer name with its tail
    ("中国联通浙江省分公司宣布", [("中国联通", "中国联通浙江省分公司")]),          # a branch is its parent's mention
    ("在2017中国移动转售产业峰会上", []),                                        # 中国移动|转售 is a domain term
    ("星联通信今年三季度营收增长", [("星联通信", "星联通信")]),                    # a coined name before a suffix
    ("移动通信市场竞争激烈", []),                                                # a common word before it is no name
    ("据南京市公安局反诈骗中心统计", [("南京市公安局反诈骗中心", "南京市公安局反诈骗中心")]),
    ("联通方面表示同意", [("中国联通", "联通")]),                                  # a weak alias in context
    ("他在移动理财领域创业", []),                                                # and out of it
])
def test_organisations(text, expected):
    assert orgs(text) == expected


def test_a_registered_name_defines_its_short_name_for_the_article():
    local = {}
    first = "深圳华信智联通信科技有限公司（以下简称“华信智联”）专注物联网"
    assert ("华信智联", "深圳华信智联通信科技有限公司") in orgs(first, local)
    assert orgs("华信智联去年营收增长", local) == [("华信智联", "华信智联")]


def test_joined_titles_are_one_title():
    text = "瀚海互联创始人兼CEO高子健表示"
    assert [t.name for t in titles(text, [])] == ["创始人兼CEO"]


@pytest.mark.parametrize("text, length", [
    ("王帅在接受采访时表示", 2), ("王献蜀表示", 3), ("刘东海在接受", 3), ("赵健也称", 2),
    ("欧阳明透露", 3), ("刘先生说", 0), ("表示同意", 0),
])
def test_name_lengths(text, length):
    assert name_at(text, 0) == length


@pytest.mark.parametrize("name,label,kind", [
    ("上海永嘉投资管理公司", "LOCATION", "COMPANY"),  # a place-led company is no place
    ("德国国家发展银行", "GOVERNMENT", "COMPANY"),
    ("中国人民银行", "COMPANY", "GOVERNMENT"),  # the gazetteer knows it: its kind beats the suffix's
    ("深圳市人民政府", "ORGANIZATION", "GOVERNMENT"),
    ("北京", "LOCATION", "LOCATION"),  # no suffix: the model's label stands
    ("银行", "COMPANY", "COMPANY"),  # a bare suffix is no name
    ("马云", "PERSON", "PERSON"),
])
def test_org_kind_follows_the_suffix(name, label, kind):
    assert org_kind(name, label) == kind


@pytest.mark.parametrize("text, start, end, name", [
    ("同派拉蒙影片公司合作", 1, 4, "派拉蒙影片公司"),  # nouns before the tail: one name
    ("上述中储粮黑龙江公司的人士", 2, 5, "中储粮黑龙江公司"),
    ("小米集团发布财报", 0, 2, "小米集团"),  # the tail right after it
    ("腾讯等公司", 0, 2, "腾讯"),  # a function word: other companies
    ("中国银行收购信托公司", 0, 4, "中国银行"),  # a verb: another company
    ("花旗在美国", 0, 2, "花旗"),  # no tail
])
def test_a_company_runs_on_to_its_tail_over_nouns(text, start, end, name):
    assert text[start:company_end(text, start, end)] == name


def test_a_company_that_runs_on_takes_in_the_span_it_reaches():
    text = "上述中储粮黑龙江公司的人士说"
    hits = model_hits(text, [(2, 5, "COMPANY"), (5, 10, "COMPANY"), (11, 13, "POSITION")])
    assert [(h.text, h.label) for h in hits] == [("中储粮黑龙江公司", "COMPANY"), ("人士", "POSITION")]


def test_a_registered_name_the_model_missed_is_added_in_order():
    text = "记者在日升广安房地产经纪有限公司见到王刚"
    model = model_hits(text, [(18, 20, "PERSON")])
    found = registered_names(organisations(text, segment.boundaries(text)))
    assert [(h.text, h.label) for h in with_missed(model, found)] == [
        ("日升广安房地产经纪有限公司", "COMPANY"), ("王刚", "PERSON")]


def test_the_model_keeps_its_span_and_the_first_candidate_wins():
    text = "在日升广安房地产经纪有限公司"
    model = model_hits(text, [(1, 5, "ORGANIZATION")])
    found = registered_names(organisations(text, segment.boundaries(text)))
    assert with_missed(model, found) == model
    first, second = Hit(1, 5, "COMPANY", "日升广安", "日升广安"), Hit(3, 14, "COMPANY", "x", "x")
    assert with_missed([], [first, second]) == [first]


def test_known_company_mentions_are_whole_words_of_the_models_list(memory):
    memory({"暴雪": KnownName(2, {"COMPANY": 2}), "育碧": KnownName(1, {"COMPANY": 1}),
            "威廉": KnownName(3, {"COMPANY": 1, "PERSON": 1})})
    text = "暴雪和育碧都说暴雪娃娃，威廉也说"
    found = known_company_mentions(text, frozenset({0, 2, 3, 5, 6, 7, 11, 12, 14}))  # 暴雪娃娃 one word
    # 威廉 is a company one time in three: not known as one
    assert [(h.text, h.start, h.label) for h in found] == [("暴雪", 0, "COMPANY"), ("育碧", 3, "COMPANY")]


def test_a_model_without_the_list_knows_no_companies(tmp_path, monkeypatch):
    (tmp_path / "config.cfg").write_text("", encoding="utf-8")
    monkeypatch.setenv(ner.MODEL_ENV, str(tmp_path))
    assert known_company_mentions("暴雪", frozenset({0, 2})) == []
    hit = Hit(0, 2, "PERSON", "暴雪", "暴雪")
    assert known_kinds([hit]) == [hit]


def test_known_kinds_follow_the_training_text_where_it_outnumbers_the_model(memory):
    memory({"立博": KnownName(37, {"COMPANY": 30, "ORGANIZATION": 1}),
            "法新社": KnownName(4, {"BOOK": 3, "ORGANIZATION": 1}),
            "威廉": KnownName(3, {"COMPANY": 1, "PERSON": 1})})
    hits = [Hit(0, 2, "ORGANIZATION", "立博", "立博"), Hit(3, 6, "ORGANIZATION", "法新社", "法新社"),
            Hit(7, 9, "PERSON", "威廉", "威廉"), Hit(10, 12, "PERSON", "王凯", "王凯")]
    # 立博 a company; 法新社 mostly a book, which kg does not report; 威廉 a tie; 王凯 unknown
    assert known_kinds(hits) == [Hit(0, 2, "COMPANY", "立博", "立博"), hits[2], hits[3]]


def test_a_surface_never_labelled_takes_its_endings_kind(memory):
    memory({f"{place}法院": KnownName(1, {"GOVERNMENT": 1}) for place in "东南西北中上下左右前"})
    court = Hit(0, 8, "LOCATION", "北京市宣武区法院", "北京市宣武区法院")
    person = Hit(9, 11, "PERSON", "李院", "李院")  # a person's name keeps its kind
    assert known_kinds([court, person]) == [
        Hit(0, 8, "GOVERNMENT", "北京市宣武区法院", "北京市宣武区法院"), person]


def test_model_spans_lose_loose_marks():
    text = "【陈云波】表示"
    assert [h.text for h in model_hits(text, [(0, 4, "PERSON")])] == ["陈云波"]

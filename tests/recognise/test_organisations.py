"""Organisations in one sentence (real and invented companies)."""

import pytest

from pipeline.language import segment
from pipeline.recognise.organisations import defined_short_names, organisations


def orgs(text, short_names=None):
    return [(h.name, h.text) for h in organisations(text, segment.boundaries(text), short_names)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("迪信通公司创始人在会上发言", [("迪信通", "迪信通公司")]),  # gazetteer name with its tail
        ("中国联通浙江省分公司宣布", [("中国联通", "中国联通浙江省分公司")]),  # a branch is its parent's mention
        ("在2017中国移动转售产业峰会上", []),  # 中国移动|转售 is a domain term
        ("星联通信今年三季度营收增长", [("星联通信", "星联通信")]),  # a coined name before a suffix
        ("移动通信市场竞争激烈", []),  # a common word before it is no name
        ("据南京市公安局反诈骗中心统计", [("南京市公安局反诈骗中心", "南京市公安局反诈骗中心")]),
        ("联通方面表示同意", [("中国联通", "联通")]),  # a weak alias in context
        ("他在移动理财领域创业", []),  # and out of it
    ],
)
def test_organisations(text, expected):
    assert orgs(text) == expected


def test_a_registered_name_defines_its_short_name_for_the_article():
    first = "深圳华信智联通信科技有限公司（以下简称“华信智联”）专注物联网"
    hits = organisations(first, segment.boundaries(first))
    assert ("华信智联", "深圳华信智联通信科技有限公司") in [(h.name, h.text) for h in hits]
    assert orgs("华信智联去年营收增长", defined_short_names(first, hits)) == [("华信智联", "华信智联")]
    assert orgs("华信智联去年营收增长") == []  # known only to the article that defined it


def test_a_lone_bu_before_a_ministrys_unit_is_part_of_its_mention():
    assert orgs("会上，部网络安全管理局负责人作了说明") == [("工业和信息化部网络安全管理局", "部网络安全管理局")]
    assert orgs("全部网络安全管理局") == [("工业和信息化部网络安全管理局", "网络安全管理局")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("以及出行平台星途出行科技有限公司等投资者", [("星途出行科技有限公司", "星途出行科技有限公司")]),
        (
            "由大股东华信智联通信科技股份有限公司牵头",
            [("华信智联通信科技股份有限公司", "华信智联通信科技股份有限公司")],
        ),
        ("收购金山软件科技有限公司", [("金山软件科技有限公司", "金山软件科技有限公司")]),  # 软件科技 is the name's own
    ],
)
def test_a_common_noun_before_a_registered_name_is_no_part_of_it(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("联通、移动和电信三家都已开通", [("中国联通", "联通"), ("中国移动", "移动"), ("中国电信", "电信")]),
        ("中国移动的合作意愿明显弱于联通。", [("中国移动", "中国移动"), ("中国联通", "联通")]),
        ("中国联通表示，这笔资金将投向电信网络建设", [("中国联通", "中国联通")]),  # another clause
        ("中国联通的移动宽带收入增长5%", [("中国联通", "中国联通")]),  # 移动 modifies the noun after it
    ],
)
def test_an_operators_bare_name_needs_a_list_or_its_peer_in_the_clause(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("按照有关部门的统一安排", []),  # jieba's odd nt word
        ("三是互联网金融发展迅速", []),  # a suffix inside a longer word
        ("联通红筹公司宣布派息", [("中国联通(香港)", "联通红筹公司")]),  # an operator's listed vehicle
    ],
)
def test_no_organisation_from_common_words(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("财政部条法司有关人士表示", [("财政部条法司", "财政部条法司")]),
        ("国务院办公厅印发通知", [("国务院办公厅", "国务院办公厅")]),
        (
            "中国电信在新加坡设立了中国电信国际公司",
            [("中国电信", "中国电信"), ("中国电信国际公司", "中国电信国际公司")],
        ),
        ("工信部相关司局负责人介绍", [("工业和信息化部", "工信部")]),  # a description, not a unit's name
        ("中国移动浙江公司总经理表示", [("中国移动", "中国移动")]),  # a place's company stays its parent's
        ("中国联通母公司已完成增持", [("中国联通", "中国联通")]),
    ],
)
def test_a_named_unit_after_a_ministry_or_company_is_its_own_organisation(text, expected):
    assert orgs(text) == expected


def test_a_business_named_like_a_firm_is_no_mention_of_it():
    assert orgs("该公司已取得IDC许可证，并申请IDC、ISP牌照") == []
    assert orgs("据IDC统计，手机出货量下降") == [("IDC", "IDC")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("通信快报4月9日晚间消息 工信部表示", [("通信快报", "通信快报"), ("工业和信息化部", "工信部")]),
        (
            "通信快报上海4月9日电 工信部表示",
            [("通信快报", "通信快报"), ("工业和信息化部", "工信部")],
        ),  # the place aside
        ("4月9日消息 昨日下午", []),
        ("公司9月1日消息", []),
        ("今年3月5日消息称", []),
    ],
)
def test_the_name_that_opens_a_dateline_is_an_outlet(text, expected):
    assert orgs(text) == expected


def test_an_english_name_in_brackets_is_another_mention():
    assert orgs("星途出行科技有限公司(Xingtu Chuxing Technology Co.)") == [
        ("星途出行科技有限公司", "星途出行科技有限公司"),
        ("星途出行科技有限公司", "Xingtu Chuxing Technology Co."),
    ]
    assert orgs("中国电信(SH600001,HK00001)发布年报") == [("中国电信", "中国电信")]  # stock codes are not

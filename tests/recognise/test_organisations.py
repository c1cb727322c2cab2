"""Organisations in one sentence (real and invented companies)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.language import grammar, segment
from pipeline.recognise.organisations import defined_short_names, in_deputy_title, organisations


def orgs(text, short_names=None):
    return [(h.name, h.text) for h in organisations(text, segment.boundaries(text), short_names)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("迪信通公司创始人在会上发言", [("迪信通", "迪信通公司")]),  # gazetteer name with its tail
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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通浙江省分公司宣布", [("浙江联通", "中国联通浙江省分公司")]),
        ("中国移动通信集团广东有限公司近日发布公告", [("广东移动", "中国移动通信集团广东有限公司")]),
        ("中国电信股份有限公司北京分公司表示", [("北京电信", "中国电信股份有限公司北京分公司")]),
        ("据悉，浙江电信已与宁波联通签署协议", [("浙江电信", "浙江电信"), ("宁波联通", "宁波联通")]),
        ("深圳市移动公司负责人介绍", [("深圳移动", "深圳市移动公司")]),
        ("陕西广电网络发布公告", [("陕西广电网络", "陕西广电网络")]),
        ("江苏移动互联网用户增长", []),  # 移动互联网 is a domain term
    ],
)
def test_an_operators_local_company_is_its_own_organisation_named_by_its_place(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("京东创投领投了本轮融资", [("京东创投", "京东创投")]),
        ("小米产业基金与苏宁控股均参与增资", [("小米产业基金", "小米产业基金"), ("苏宁控股", "苏宁控股")]),
        ("华为投资控股有限公司发布年报", [("华为投资控股", "华为投资控股有限公司")]),
        ("腾讯控股发布财报", [("腾讯", "腾讯控股")]),  # the gazetteer's alias
        ("天音控股旗下的天音移动用户增长", [("天音控股", "天音控股"), ("天音", "天音移动")]),  # holding and MVNO arm
        ("京东投资了这家公司", [("京东", "京东")]),  # a verb
        ("中国移动资本开支下降", [("中国移动", "中国移动")]),  # capital expenditure
    ],
)
def test_an_investment_vehicle_is_its_own_organisation(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("记者从南京苏宁易购门店了解到", [("南京苏宁易购", "南京苏宁易购")]),
        ("北京国美电器也在推广", [("北京国美电器", "北京国美电器")]),
        ("深圳市中兴通讯发布公告", [("深圳中兴通讯", "深圳市中兴通讯")]),
        ("美国高通公司表示", [("高通", "高通公司")]),  # a country is no city
        ("北京迪信通表示", [("迪信通", "北京迪信通")]),  # the gazetteer's own form
    ],
)
def test_a_city_before_a_company_makes_a_longer_name_of_its_own(text, expected):
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
        ("联通（0762）昨日收涨2%", [("中国联通", "联通")]),
        ("分析师看好电信(0728)的派息能力", [("中国电信", "电信")]),
        ("联想(00992.HK)公布季度业绩", [("联想集团", "联想")]),
    ],
)
def test_a_bare_name_before_its_stock_code_is_the_company(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("他想把联通号码转到电信", [("中国联通", "联通"), ("中国电信", "电信")]),
        ("她的电信号码和移动号码都欠费了", [("中国电信", "电信"), ("中国移动", "移动")]),
        ("中国移动表示，电信手机号用户也可办理", [("中国移动", "中国移动"), ("中国电信", "电信")]),
        ("固定电话和移动号码均可登记", []),  # no operator named: a mobile number
    ],
)
def test_an_operators_bare_name_before_its_numbers_is_the_operator_where_another_is_named(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("上月中国联通移动出账用户净增50万户", [("中国联通", "中国联通")]),
        ("中国电信移动 5G 用户达到3亿", [("中国电信", "中国电信")]),
        ("广东电信移动用户增长", [("广东电信", "广东电信")]),
        ("中国移动联通两家的基站共享", [("中国移动", "中国移动"), ("中国联通", "联通")]),  # no business: two names
    ],
)
def test_mobile_right_after_an_operators_name_is_its_business(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国电信全年移动和宽带收入稳定增长", [("中国电信", "中国电信")]),
        ("中国电信前三季度移动及固网收入均有提升", [("中国电信", "中国电信")]),
        ("中国电信2021年上半年移动收入同比增长4%", [("中国电信", "中国电信")]),
        # a list of operators after the period still names them
        (
            "中国电信上半年与移动、联通共建基站",
            [("中国电信", "中国电信"), ("中国移动", "移动"), ("中国联通", "联通")],
        ),
    ],
)
def test_mobile_after_an_operator_and_its_reporting_period_is_its_business(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("报告称中国移动经济规模持续扩大", []),
        ("中国移动经济研究报告显示", []),
        ("GSMA发布《中国移动经济2023》", [("GSMA", "GSMA")]),
    ],
)
def test_the_mobile_economy_of_china_is_no_operator(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("按照有关部门的统一安排", []),  # jieba's odd nt word
        ("三是互联网金融发展迅速", []),  # a suffix inside a longer word
        ("联通红筹公司宣布派息", [("中国联通(香港)", "联通红筹公司")]),  # an operator's listed vehicle
        ("高校和科研院所参与了标准制定", []),  # a word of kind before an ending
        ("用户可以通过网上银行缴纳话费", []),
        ("各地商业银行纷纷跟进", []),
        ("该平台提供综合信息服务", []),
    ],
)
def test_no_organisation_from_common_words(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "主要产品包括办公软件、制图软件、排版软件",
        "方案涵盖政务通信、铁路通信、矿井通信",
        "推出排版软件、制图软件、办公软件三款产品",
    ],
)
def test_a_list_of_kinds_sharing_a_suffix_names_no_organisation(text):
    assert orgs(text) == []


def test_a_list_of_coined_names_sharing_a_suffix_stays():
    names = [("星联通信",) * 2, ("瀚海通信",) * 2, ("云途通信",) * 2]
    assert orgs("星联通信、瀚海通信和云途通信宣布合作") == names


@pytest.mark.parametrize("text", ["抓住新一轮通讯变革的机遇", "各地将迎来新一轮移动网络升级", "新一届传媒集团领导班子"])
def test_a_word_holding_a_count_is_no_name(text):
    assert orgs(text) == []


@pytest.mark.parametrize("text", ["公司在专网通信领域布局多年", "集群通信设备需求上升", "这为运营商带来了新的商业机会"])
def test_a_kind_of_communication_or_a_common_phrase_is_no_organisation(text):
    assert orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("财政部条法司有关人士表示", [("财政部条法司", "财政部条法司")]),
        ("国务院办公厅印发通知", [("国务院办公厅", "国务院办公厅")]),
        (
            "中国电信在新加坡设立了中国电信卫星公司",
            [("中国电信", "中国电信"), ("中国电信卫星公司", "中国电信卫星公司")],
        ),
        ("工信部相关司局负责人介绍", [("工业和信息化部", "工信部")]),  # a description, not a unit's name
        ("京东浙江公司总经理表示", [("京东", "京东")]),  # a place's company stays its parent's (operators aside)
        ("中国联通母公司已完成增持", [("中国联通", "中国联通")]),
        ("工信部信息通信管理局网络资源处负责人介绍", [("工信部信息通信管理局网络资源处",) * 2]),  # a bureau's unit
        ("中国通信企业协会增值业务专委会秘书长表示", [("中国通信企业协会增值业务专委会",) * 2]),
        ("中国互联网协会信用评价中心主任说", [("中国互联网协会信用评价中心",) * 2]),
        ("中国信息通信研究院泰尔终端实验室发布报告", [("中国信息通信研究院泰尔终端实验室",) * 2]),
        ("中国互联网协会成立委员会", [("中国互联网协会", "中国互联网协会")]),  # a verb, no unit's name
        ("北京市通信管理局市场处处长说", [("北京市通信管理局市场处",) * 2]),  # any government body's unit
        ("国家发改委价格司负责人", [("国家发改委价格司",) * 2]),
        ("证监会发行监管部表示", [("证监会发行监管部",) * 2]),
        ("工信部相关部门表示", [("工业和信息化部", "工信部")]),
        ("工信部部长表示", [("工业和信息化部", "工信部")]),  # a title, no unit
    ],
)
def test_a_named_unit_after_a_ministry_or_company_is_its_own_organisation(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "该公司已取得IDC许可证，并申请IDC、ISP牌照",
        "今年IDC收入增长两成",
        "大力发展IDC及CDN等业务",
        "IDC服务商数量增加",
        "公司计划明年IDC投资20亿元",  # an investment in the business line
        "加大IDC投资力度",
        "IDC投资同比下降一成",
    ],
)
def test_a_business_named_like_a_firm_is_no_mention_of_it(text):
    assert orgs(text) == []


@pytest.mark.parametrize("text", ["据IDC统计，手机出货量下降", "IDC数据显示出货量下降", "IDC和Gartner的数据"])
def test_the_firm_of_those_letters_stays_a_firm(text):
    assert ("IDC", "IDC") in orgs(text)


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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("王刚同志任中国联合网络通信集团有限公司董事", ("中国联通", "中国联合网络通信集团有限公司")),
        ("日前中国移动通信集团有限公司发布公告", ("中国移动", "中国移动通信集团有限公司")),
        ("李华2019年3月任中国广播电视网络有限公司副总经理", ("中国广电", "中国广播电视网络有限公司")),
    ],
)
def test_the_clause_before_a_known_registered_name_is_no_part_of_it(text, expected):
    assert orgs(text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["中国移动对部分省级分公司进行了调整", "中国电信地市及省级子公司的负责人", "中国联通在部分城市分公司试点"],
)
def test_a_branch_tail_holds_no_word_of_the_clause(text):
    first = next(h.text for h in organisations(text, segment.boundaries(text)))
    assert first in ("中国移动", "中国电信", "中国联通")


@pytest.mark.parametrize("text", ["其中移动电话用户达到两亿户", "集中移动资源发展新业务", "当中移动用户占多数"])
def test_no_short_name_where_a_common_word_runs_into_it(text):
    assert orgs(text) == []


def test_a_short_name_after_a_word_of_its_own_stays():
    assert orgs("据中移动透露，其中中移动用户最多") == [("中国移动", "中移动"), ("中国移动", "中移动")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("杭州市经济和信息化局副局长表示", [("杭州市经济和信息化局", "杭州市经济和信息化局")]),
        ("浙江省工业和信息化厅发布通知", [("浙江省工业和信息化厅", "浙江省工业和信息化厅")]),
        ("厦门市反诈骗中心提醒市民", [("厦门市反诈骗中心", "厦门市反诈骗中心")]),
        ("深圳市发改委相关负责人说", [("深圳市发改委", "深圳市发改委")]),  # not the national 发改委
    ],
)
def test_a_places_government_body_is_an_organisation_of_its_own(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize("text", ["本市工业和信息化局表示", "他去了市场监督管理局办事"])
def test_no_local_body_without_a_place(text):
    assert orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国移动业务收入同比增长3%", [("中国移动", "中国移动")]),
        ("根据年报，中国移动通信业务收入为800亿元", [("中国移动", "中国移动通信")]),
        ("江苏移动业务收入增长较快", [("江苏移动", "江苏移动")]),
        ("中国移动转售业务发展迅速", []),  # the trade's 移动转售
        ("中国电信业发展迅速", []),  # China's telecom industry
        ("中国电信行业的竞争加剧", []),
        ("中国电信商的数量在增加", []),  # carriers in China
    ],
)
def test_a_name_before_its_own_line_of_business_is_a_mention(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("工信部联合公安部建立了机制", [("工业和信息化部", "工信部"), ("公安部", "公安部")]),
        ("国资委会同财政部印发通知", [("国资委", "国资委"), ("财政部", "财政部")]),
        ("发改委联合商务部发布意见", [("国家发展和改革委员会", "发改委"), ("商务部", "商务部")]),
    ],
)
def test_a_second_organisation_after_a_verb_is_no_unit_of_the_first(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通遵义分公司今年新建基站五百个", [("遵义联通", "中国联通遵义分公司")]),  # 遵义: a verb to jieba
        ("据营口电信介绍，宽带用户已过十万", [("营口电信", "营口电信")]),  # 营口: a verbal noun
        ("保定市市场监管局约谈三家企业", [("保定市市场监管局", "保定市市场监管局")]),  # 保定: a verb
    ],
)
def test_a_city_jieba_does_not_know_as_a_place_names_a_local_body(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("多家门店今年加盟迪信通", [("迪信通", "迪信通")]),
        ("这次调整波及联通和电信的用户", [("中国联通", "联通"), ("中国电信", "电信")]),
        ("到场嘉宾中国电信副总经理发言", [("中国电信", "中国电信")]),
    ],
)
def test_a_verb_jieba_tags_as_a_place_names_no_local_company(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("用户可到电信营业厅办理携号转网", [("中国电信", "电信")]),
        ("他在联通客服热线排队半小时", [("中国联通", "联通")]),
        ("移动自营厅和代理网点都能办理", [("中国移动", "移动")]),
    ],
)
def test_an_operators_bare_name_before_its_outlet_is_a_mention(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("联想创投领投了这轮融资", [("联想创投", "联想创投")]),
        ("本轮由联通资本和苹果产业基金共同出资", [("联通资本", "联通资本"), ("苹果产业基金", "苹果产业基金")]),
        ("他在联想创投集团负责早期项目", [("联想创投", "联想创投集团")]),
        ("苹果投资了这家公司", []),  # a verb
        ("移动资本开支下降", []),  # capital expenditure
    ],
)
def test_an_investment_vehicle_after_an_ambiguous_bare_name_is_its_own_organisation(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("中国通信企业协会增值业务专委会秘书处发布通知", "中国通信企业协会增值业务专委会秘书处"),
        ("中国信息通信研究院泰尔终端实验室检测中心发布报告", "中国信息通信研究院泰尔终端实验室检测中心"),
        ("财政部条法司综合处负责人表示", "财政部条法司综合处"),
    ],
)
def test_a_unit_of_a_unit_named_with_it_is_one_unit(text, name):
    assert orgs(text) == [(name, name)]


@pytest.mark.parametrize(
    "text",
    ["对于刚诞生的企业而言，第一场通信展会很重要", "新一代通信技术正在普及", "三场科技论坛同期举行"],
)
def test_a_count_or_a_time_word_before_a_company_suffix_is_no_coined_name(text):
    assert orgs(text) == []


@pytest.mark.parametrize(
    "text", ["网友在百度贴吧反映经常接到骚扰电话", "注册时不支持绑定网易邮箱", "用户可用腾讯地图查找营业厅"]
)
def test_a_companys_product_named_with_it_is_no_mention_of_it(text):
    assert orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("日本软银今年的用户增长放缓", [("软银", "软银")]),
        ("欧洲沃达丰的虚拟运营商伙伴增多", [("沃达丰", "沃达丰")]),
        ("印度沃达丰的用户下降", [("沃达丰", "沃达丰")]),
    ],
)
def test_a_country_before_a_company_names_no_local_company(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("小米、联想等厂商也进入这个市场", [("小米", "小米"), ("联想集团", "联想")]),
        ("迪信通与联想签署协议", [("迪信通", "迪信通"), ("联想集团", "联想")]),
        ("京东和苹果都在推广新品", [("京东", "京东"), ("苹果公司", "苹果")]),
        ("京东卖的苹果很新鲜", [("京东", "京东")]),  # no list
    ],
)
def test_a_companys_bare_name_listed_with_another_company_is_a_mention(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("小摩分析师下调了目标价", [("摩根大通", "小摩")]),  # a foreign broker's short name
        ("TeleGeography的报告称全球虚拟运营商继续增加", [("TeleGeography", "TeleGeography")]),
        ("央广经济之声记者在现场", [("经济之声", "央广经济之声")]),  # a broadcaster's channel
        ("他在接受腾讯财经专访时说", [("腾讯财经", "腾讯财经")]),
        ("今年的博鳌亚洲论坛上有嘉宾谈到转售", [("博鳌亚洲论坛", "博鳌亚洲论坛")]),  # a forum
        ("当年中国网通与中国联通合并", [("中国网通", "中国网通"), ("中国联通", "中国联通")]),  # a former operator
    ],
)
def test_brokers_outlets_forums_and_former_operators_of_the_field(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, short",
    [
        ("云帆星联科技股份有限公司（以下简称公司、云帆星联）发布公告", "云帆星联"),
        ("瀚海通信技术有限公司（以下简称“瀚海”或“公司”）表示", "瀚海"),
        ("北辰云途网络有限公司(下称“集团”及“云途”)宣布", "云途"),
    ],
)
def test_a_short_name_listed_with_a_word_for_the_company_is_defined(text, short):
    found = organisations(text, segment.boundaries(text))
    assert list(defined_short_names(text, found)) == [short]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "中国联合网络通信有限公司广西壮族自治区分公司发布公告",
            [("广西联通", "中国联合网络通信有限公司广西壮族自治区分公司")],
        ),
        ("中国移动通信集团宁夏回族自治区有限公司表示", [("宁夏移动", "中国移动通信集团宁夏回族自治区有限公司")]),
        (
            "中国电信股份有限公司新疆维吾尔自治区分公司介绍",
            [("新疆电信", "中国电信股份有限公司新疆维吾尔自治区分公司")],
        ),
    ],
)
def test_an_autonomous_regions_full_name_names_an_operators_local_company(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "参与的有华星集团江苏云帆网络有限公司等单位",
            [("华星集团江苏云帆网络有限公司", "华星集团江苏云帆网络有限公司")],
        ),
        (
            "由瀚云控股浙江星途信息技术有限公司负责运营",
            [("瀚云控股浙江星途信息技术有限公司", "瀚云控股浙江星途信息技术有限公司")],
        ),
        ("投资集团北京星联科技有限公司将入股", [("北京星联科技有限公司", "北京星联科技有限公司")]),  # a common word
    ],
)
def test_a_named_group_and_a_place_open_one_registered_name(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("【港岛新闻】工信部昨日表示", [("港岛新闻", "港岛新闻"), ("工业和信息化部", "工信部")]),
        ("星河网讯 近日，中国移动发布公告", [("星河网", "星河网"), ("中国移动", "中国移动")]),
        ("云帆财经消息(记者 王明) 近年来", [("云帆财经", "云帆财经")]),
        ("【观点】运营商需要转型", []),  # a heading
        ("公司消息 今天发布", []),
        ("互联网消息 今天发布", []),  # a common word
    ],
)
def test_the_name_that_opens_an_undated_dateline_is_an_outlet_when_it_ends_as_one(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("其实在苹果宣布推出应用商店之前", [("苹果公司", "苹果")]),
        ("锤子透露新机将于下月发布", [("锤子科技", "锤子")]),
        ("联想表示将继续投入手机业务", [("联想集团", "联想")]),
        ("独立电信分析师认为", []),  # the verb runs into a word: 电信|分析师
        ("拿起锤子敲了两下", []),
    ],
)
def test_a_bare_name_before_a_speech_verb_is_the_organisation_speaking(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("新面孔有IUNI、一加、锤子等", [("金立", "IUNI"), ("一加科技", "一加"), ("锤子科技", "锤子")]),
        ("用户知道的虚商依次是苏宁、阿里、蜗牛等", [("苏宁互联", "苏宁"), ("阿里", "阿里"), ("蜗牛移动", "蜗牛")]),
        ("华为与荣耀的渠道将分开", [("华为", "华为"), ("荣耀终端", "荣耀")]),
        ("他一加班就不回家，蜗牛爬得很慢", []),
    ],
)
def test_handset_makers_and_an_mvnos_bare_brand_listed_with_companies(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中科院院士王明说", [("中国科学院", "中科院")]),
        ("中组部副部长王明出席", [("中共中央组织部", "中组部")]),
        ("国家认监委发布公告", [("国家认证认可监督管理委员会", "国家认监委")]),
    ],
)
def test_national_bodies_by_their_short_names(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("《星河通讯社22日专讯》中移动公布业绩", [("星河通讯社", "星河通讯社"), ("中国移动", "中移动")]),
        ("云帆日报15日电 工信部表示", [("云帆日报", "云帆日报"), ("工业和信息化部", "工信部")]),  # no month
        ("【星河日报讯】电讯盈科昨日表示", [("星河日报", "星河日报"), ("电讯盈科", "电讯盈科")]),
        ("【港岛新闻台】数码通昨日表示", [("港岛新闻台", "港岛新闻台"), ("数码通", "数码通")]),
        ("公司22日消息 今天发布", []),
    ],
)
def test_hong_kong_datelines_name_their_outlet(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("绍兴市政府与三家运营商签署合作协议", [("绍兴市政府", "绍兴市政府")]),
        ("浙江省政协委员会议上", []),
        ("常州市人大常委会通过了条例", [("常州市人大常委会", "常州市人大常委会")]),
        ("荆门市委、荆门市政府联合发文", [("荆门市委", "荆门市委"), ("荆门市政府", "荆门市政府")]),
    ],
)
def test_a_places_congress_party_committee_or_government_is_an_organisation(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize("text", ["各市政府纷纷出台政策", "地方政府也在观望", "城市政府的数字化转型"])
def test_no_government_body_without_a_place(text):
    assert orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("港府拟收回部分频谱重新拍卖", [("香港特区政府", "港府")]),
        ("通讯局表示将检讨频谱政策", [("通讯事务管理局", "通讯局")]),
        ("中移动香港宣布推出新计划", [("中国移动香港", "中移动香港")]),
        ("电盈与台湾之星签署合作协议", [("电讯盈科", "电盈"), ("台湾之星", "台湾之星")]),
    ],
)
def test_hong_kong_and_taiwan_wording_of_operators_and_bodies(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize("text", ["推动我市通信网络高质量发展", "支持我省科技企业上市", "本市通讯设施建设提速"])
def test_a_pronoun_before_a_company_suffix_is_no_name(text):
    assert orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("获得丹麦管理学院管理学硕士学位", [("丹麦管理学院", "丹麦管理学院")]),
        ("毕业于美国南加州大学电子工程系", [("美国南加州大学", "美国南加州大学")]),
        ("毕业于法国里昂商学院", [("法国里昂商学院", "法国里昂商学院")]),
        ("毕业于于长春邮电学院", [("长春邮电学院", "长春邮电学院")]),  # 于长春: jieba glues the preposition on
    ],
)
def test_a_place_and_a_name_before_a_school_word_is_a_school(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("此案由江苏省南京市中级人民法院审理。", [("江苏省南京市中级人民法院", "江苏省南京市中级人民法院")]),
        ("浙江省杭州市西湖区人民法院作出判决", [("浙江省杭州市西湖区人民法院", "浙江省杭州市西湖区人民法院")]),
        ("湖北省高级人民法院驳回了上诉", [("湖北省高级人民法院", "湖北省高级人民法院")]),
    ],
)
def test_a_chain_of_places_and_a_rank_belong_to_the_body_after_them(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize("text", ["他的儿子是大学生", "国内大学的学费上涨", "不少欧洲大学开设了通信专业"])
def test_no_school_without_a_name_of_its_own(text):
    assert orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("他曾任九江电信局副局长", [("九江电信", "九江电信局")]),
        ("历任温州电信局局长、浙江电信总经理", [("温州电信", "温州电信局"), ("浙江电信", "浙江电信")]),
        ("赣州电信局近日调整了资费", [("赣州电信", "赣州电信局")]),
        ("宁波电信局势平稳", [("宁波电信", "宁波电信")]),  # 局势 is a word of its own
    ],
)
def test_a_citys_telecom_bureau_is_its_operator_company(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("大摩发表报告，维持中移动评级", [("摩根士丹利", "大摩"), ("中国移动", "中移动")]),
        ("德银认为电讯盈科估值偏高", [("德意志银行", "德银"), ("电讯盈科", "电讯盈科")]),
        ("标普确认中国电信的信用评级", [("标普", "标普"), ("中国电信", "中国电信")]),
    ],
)
def test_hong_kong_short_forms_of_brokers_and_rating_agencies(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("据四川广播电视台报道，成都电信近日", [("四川广播电视台", "四川广播电视台"), ("成都电信", "成都电信")]),
        ("广州日报记者从广东移动获悉", [("广州日报", "广州日报"), ("广东移动", "广东移动")]),
        ("河北人民广播电台的记者采访了用户", [("河北人民广播电台", "河北人民广播电台")]),
        ("据湖南广播电视台都市频道报道", [("湖南广播电视台都市频道", "湖南广播电视台都市频道")]),
        ("据中央广播电视总台文艺之声消息", [("中央广播电视总台文艺之声", "中央广播电视总台文艺之声")]),
        ("江苏人民广播电台新闻广播记者获悉", [("江苏人民广播电台新闻广播", "江苏人民广播电台新闻广播")]),
    ],
)
def test_a_places_outlet_and_an_outlets_named_channel_are_one_outlet(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize("text", ["多家广播电台播出了这则广告", "地方电视台纷纷跟进报道"])
def test_no_outlet_without_a_place(text):
    assert orgs(text) == []


def test_a_channel_with_no_name_of_its_own_stays_its_outlets_mention():
    assert orgs("据央视财经频道报道") == [("中央电视台", "央视财经")]


@pytest.mark.parametrize(
    "text",
    [
        "全国人大代表、某公司董事长张三建议放开号段",
        "作为十三届全国人大代表，王五今年带来了三份建议",
        "浙江省人大代表赵六认为，资费仍有下降空间",
    ],
)
def test_a_deputys_title_names_no_congress(text):
    assert orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全国人大审议通过了电信法", [("全国人大", "全国人大")]),
        ("全国政协委员李四在提案中指出", [("全国政协", "全国政协")]),  # a member of the 政协
    ],
)
def test_the_congress_itself_stays(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国工业和信息化部副部长表示，5G发展迅速", [("工业和信息化部", "中国工业和信息化部")]),
        ("中国商务部新闻发言人称，将继续扩大开放", [("商务部", "中国商务部")]),
        ("路透社援引中国国家发改委的消息称", [("路透社", "路透社"), ("国家发展和改革委员会", "中国国家发改委")]),
    ],
)
def test_the_country_before_a_national_bodys_name_is_part_of_its_mention(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("【某报-台北电】大陆工业和资讯化部公布最新数据", [("工业和信息化部", "工业和资讯化部")]),
        ("他上周在中证监的会议上表示", [("中国证券监督管理委员会", "中证监")]),
        ("中证监近日批准了两家公司的上市申请", [("中国证券监督管理委员会", "中证监")]),
    ],
)
def test_hong_kong_and_taiwan_names_of_mainland_bodies(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("平安证券研报指出，运营商资本开支见顶", [("平安证券", "平安证券")]),
        ("民生证券与长城证券均上调了评级", [("民生证券", "民生证券"), ("长城证券", "长城证券")]),
        ("中国银河发布研报称", [("中国银河证券", "中国银河")]),
    ],
)
def test_brokers_whose_names_open_with_a_common_word(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("万得数据显示，板块本周上涨", [("万得", "万得")]),
        ("据Wind统计，三家运营商市值合计超过万亿", [("万得", "Wind")]),
        ("同花顺iFinD的数据显示", [("同花顺", "同花顺iFinD")]),
    ],
)
def test_financial_data_terminals(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize("text", ["Windows手机份额下滑", "该应用支持Windows系统"])
def test_a_latin_name_inside_a_longer_latin_word_is_no_mention(text):
    assert orgs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("台湾大与远传同日调降资费", [("台湾大哥大", "台湾大"), ("远传电信", "远传")]),
        ("中华电今年资本支出将减少", [("中华电信", "中华电")]),
        ("亚太电的用户持续流失", [("亚太电信", "亚太电")]),
    ],
)
def test_taiwan_short_forms_of_its_operators(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize("text", ["他毕业于台湾大学", "香港中华电力将加价", "亚太电子商务发展迅速"])
def test_a_short_form_cut_from_a_name_is_no_mention_where_it_runs_into_a_word(text):
    assert ("台湾大哥大", "台湾大") not in orgs(text)
    assert all(name not in ("中华电信", "亚太电信") for name, _ in orgs(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ST鹏博士发布公告称", [("鹏博士", "ST鹏博士")]),
        ("*ST三五互联股价连续跌停", [("三五互联", "*ST三五互联")]),
        ("公司股票简称变更为ST星联通信", [("星联通信", "ST星联通信")]),
    ],
)
def test_the_exchanges_mark_before_a_stock_name_is_part_of_the_mention(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("新唐人记者现场报道", [("新唐人", "新唐人")]),
        ("据中国网财经报道，该公司股价大跌", [("中国网财经", "中国网财经")]),
        ("中新财经记者获悉", [("中国新闻社", "中新财经")]),
    ],
)
def test_news_outlets_of_financial_and_taiwan_news(text, expected):
    assert orgs(text) == expected


@given(st.text(alphabet="全国人大代表党政协委员会", max_size=14), st.integers(0, 16), st.integers(0, 16))
def test_a_deputy_title_is_found_where_it_opens_inside_the_name_and_runs_past_it(text, start, end):
    """in_deputy_title finds each title with one str.find: the same answer as trying every place in the name."""
    tried = any(
        p + len(t) > end and text.startswith(t, p) for t in grammar.load().deputy_titles for p in range(start, end)
    )
    assert in_deputy_title(text, start, end) == tried

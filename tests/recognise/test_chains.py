"""Title chains, appositions, bylines and later references (invented people)."""

import pytest

from pipeline.language import segment
from pipeline.recognise import chains as people
from pipeline.recognise.organisations import organisations
from pipeline.recognise.titles import titles


def chains(text, antecedent=None):
    orgs = organisations(text, segment.boundaries(text))
    found = people.title_chains(text, orgs, titles(text, orgs), antecedent) + people.marked_persons(text, orgs)
    return [(c.person.name, c.title.name if c.title else None, c.org.name if c.org else None) for c in found]


def test_org_department_title_name():
    assert chains("京东移动转售事业部总经理闫晓明对记者表示") == [("闫晓明", "移动转售事业部总经理", "京东")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("星海信息学会常务副理事长李红说", ("李红", "常务副理事长", "星海信息学会")),
        ("云途研究院常务副院长周立认为", ("周立", "常务副院长", "云途研究院")),
        ("江南物联网协会常务副会长孙远介绍说", ("孙远", "常务副会长", "江南物联网协会")),
    ],
)
def test_an_executive_deputy_title_is_at_the_unknown_organisation_before_it(text, expected):
    assert chains(text) == [expected]


@pytest.mark.parametrize(
    "earlier_text, text, expected",
    [
        (
            "工信部部长李明出席会议。",
            "副部长王强、总工程师赵立也出席了会议。",
            [("王强", "副部长", "工业和信息化部"), ("赵立", "总工程师", "工业和信息化部")],
        ),
        (
            "中国信息通信研究院昨日发布白皮书。",
            "院长刘明表示，行业增长很快。",
            [("刘明", "院长", "中国信息通信研究院")],
        ),
        ("国家广播电视总局召开座谈会。", "会上，副局长孙华介绍了情况。", [("孙华", "副局长", "国家广播电视总局")]),
    ],
)
def test_a_heads_title_is_at_the_unit_named_last(earlier_text, text, expected):
    earlier = organisations(earlier_text, segment.boundaries(earlier_text))
    orgs = organisations(text, segment.boundaries(text))
    found = people.title_chains(text, orgs, titles(text, orgs), earlier=earlier)
    assert [(c.person.name, c.title.name, c.org.name if c.org else None) for c in found] == expected


def test_a_heads_title_is_at_no_unit_of_another_kind():
    earlier = organisations("中国移动发布财报。", segment.boundaries("中国移动发布财报。"))
    found = people.title_chains("副部长王五出席。", [], titles("副部长王五出席。", []), earlier=earlier)
    assert [(c.person.name, c.org) for c in found] == [("王五", None)]


def test_apposition_after_the_name():
    assert chains("张伟，小米移动总经理，在发布会上表示") == [("张伟", "总经理", "小米")]
    assert chains("王磊（分享通信副总裁）说") == [("王磊", "副总裁", "分享通信")]


def test_company_reference_takes_the_antecedent():
    text = "该公司总经理何志远向记者透露"
    antecedent = organisations("华为", segment.boundaries("华为"))[0]
    assert chains(text, antecedent)[0] == ("何志远", "总经理", "华为")


def test_bylines_name_people_and_their_outlet():
    assert ("宋佳宁", "记者", "新京报") in chains("新京报讯（记者 宋佳宁）记者昨日获悉")
    assert ("周涛", "记者", None) in chains("本报记者 周涛 北京报道")  # 本报 names no outlet


@pytest.mark.parametrize(
    "text, expected",
    [
        ("通信世界网讯（文/李明）日前，工信部发布通知。", ("李明", None, "通信世界")),
        ("C114讯（张伟/文）星联通信昨日宣布降价。", ("张伟", None, "C114")),
        ("新浪科技讯 (文/周丽)近日，瀚海互联发布新品。", ("周丽", None, "新浪")),
    ],
)
def test_a_writers_credit_in_a_datelines_brackets_names_the_writer_at_the_outlet(text, expected):
    assert chains(text) == [expected]


def test_a_wire_dateline_gives_its_outlet_to_every_name_of_the_byline():
    assert chains("新华社上海4月9日电（记者 张明 韩磊）星联通信昨日宣布") == [
        ("张明", "记者", "新华社"),
        ("韩磊", "记者", "新华社"),
    ]
    assert chains("新华社记者王刚、萧海涛、覃立华") == [
        ("王刚", "记者", "新华社"),
        ("萧海涛", "记者", "新华社"),
        ("覃立华", "记者", "新华社"),
    ]
    assert chains("中新社北京5月2日电 (见习记者 刘明)工信部2日表示") == [("刘明", "见习记者", "中国新闻社")]


def test_a_name_alone_in_a_dateline_is_the_outlets_without_a_title():
    assert chains("人民网上海4月9日电 (周亮)星联通信昨日宣布") == [("周亮", None, "人民日报")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("飞象网讯 3月2日晚间消息（李明远）中国移动今日公布年报", [("李明远", None, "飞象网")]),
        ("腾讯科技讯 5月8日消息（吴倩）工信部宣布", [("吴倩", None, "腾讯科技")]),
        ("C114讯 6月9日消息（周晓）星联通信宣布", [("周晓", None, "C114")]),
    ],
)
def test_a_dateline_that_says_its_end_word_again_after_the_date_still_credits_its_outlet(text, expected):
    assert chains(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("财新网 2018/03/02 10:05 记者 李华\n中国联通称，将降价。", [("李华", "记者", "财新")]),
        ("新浪科技 2020年11月20日 记者 张强\n中国电信称，将降价。", [("张强", "记者", "新浪")]),
        ("第一财经 2019.05.06 14:20:31 记者 赵敏\n星联通信宣布", [("赵敏", "记者", "第一财经")]),
    ],
)
def test_a_pages_time_stamp_between_an_outlet_and_its_reporter_still_credits_the_outlet(text, expected):
    assert chains(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("北京3月5日电（李明远）工信部今日宣布，将发放牌照。", [("李明远", None, None)]),
        ("广州10月8日电 (王晓)中国移动表示，将降价。", [("王晓", None, None)]),
        ("乌鲁木齐12月1日讯（周亮、陈红）星联通信称，用户增长。", [("周亮", None, None), ("陈红", None, None)]),
    ],
)
def test_a_dateline_of_a_place_alone_still_names_its_writers(text, expected):
    assert chains(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("资深分析师李女士表示，转售市场将洗牌。", [("李女士", "资深分析师", None)]),
        ("星联通信客服经理张女士说，套餐将调整。", [("张女士", "客服经理", "星联通信")]),
        ("瀚海互联总经理欧阳先生认为，降价空间有限。", [("欧阳先生", "总经理", "瀚海互联")]),
    ],
)
def test_a_surname_with_an_honorific_after_a_title_holds_it(text, expected):
    assert [c for c in chains(text) if c[1] is not None] == expected


def test_a_later_name_of_a_byline_ends_the_list():
    assert chains("记者 李明 江苏报道") == [("李明", "记者", None)]  # 江苏 is a place


def test_byline_roles_at_the_outlet_or_none():
    text = "新京报讯（记者 宋佳宁）独立分析师马立新认为。（责任编辑：龚伟）"
    orgs = organisations(text, segment.boundaries(text))
    found = people.title_chains(text, orgs, titles(text, orgs)) + people.marked_persons(text, orgs)
    assert {(r.person, r.title, r.org) for r in people.roles(found)} == {
        ("宋佳宁", "记者", "新京报"),
        ("马立新", "独立分析师", None),
    }  # an editor at no outlet is page furniture


def test_own_outlet_is_the_one_outlet_the_article_names():
    text = "本报讯（记者 周涛）工信部昨日表示"
    found = people.marked_persons(text, [])
    outlet = organisations("来源：人民邮电报", segment.boundaries("来源：人民邮电报"))
    assert [(c.person.name, c.org.name) for c in people.with_own_outlet(found, outlet)] == [("周涛", "人民邮电报")]
    assert people.with_own_outlet(found, []) == found


def test_a_frequent_word_after_a_title_is_no_name():
    assert chains("这位负责人强调，实名制是红线") == []


def test_roles_come_once_and_a_title_held_at_an_organisation_is_not_repeated_without_it():
    text = "苏宁互联副总经理韩磊表示。苏宁互联副总经理韩磊说。副总经理韩磊还说。"
    orgs = organisations(text, segment.boundaries(text))
    found = people.title_chains(text, orgs, titles(text, orgs))
    assert [(r.person, r.title, r.org) for r in people.roles(found)] == [("韩磊", "副总经理", "苏宁互联")]


def test_short_forms_for_later_references():
    text = "海航通信副总裁欧阳明发言"
    orgs = organisations(text, segment.boundaries(text))
    forms = people.reference_forms(people.title_chains(text, orgs, titles(text, orgs)))
    assert forms["欧阳总"] == "欧阳明"


def test_a_chain_reads_its_tense_and_the_role_keeps_it():
    for text, tense in [
        ("原苏宁互联副总经理韩磊表示", "former"),
        ("时任苏宁互联副总经理韩磊表示", "then"),
        ("现任苏宁互联副总经理韩磊表示", "current"),
        ("此前苏宁互联副总经理韩磊表示", None),
        ("苏宁互联副总经理韩磊表示", None),
    ]:
        orgs = organisations(text, segment.boundaries(text))
        [role] = people.roles(people.title_chains(text, orgs, titles(text, orgs)))
        assert (role.person, role.title, role.org, role.tense) == ("韩磊", "副总经理", "苏宁互联", tense), text


def test_a_ministrys_own_text_names_it_by_a_lone_bu_and_joined_titles_share_their_person():
    text = "工信部副部长孙明，部新闻发言人、无线电管理局局长黄立新介绍情况"
    orgs = organisations(text, segment.boundaries(text))
    ministry = next(o for o in orgs if o.name == "工业和信息化部")
    found = people.title_chains(text, orgs, titles(text, orgs), None, ministry)
    assert {(r.person, r.title, r.org) for r in people.roles(found)} == {
        ("孙明", "副部长", "工业和信息化部"),
        ("黄立新", "局长", "工信部无线电管理局"),
        ("黄立新", "新闻发言人", "工业和信息化部"),
    }


def test_a_high_office_after_the_name():
    assert chains("会议传达学习了习近平总书记的重要讲话") == [("习近平", "总书记", None)]


def test_a_line_of_an_outlet_and_a_name_is_the_writers_byline():
    body = "人民邮电报  罗立\n转售试点到期在即，虚商们各有打算。"
    assert [(c.person.name, c.title, c.org.name) for c in people.outlet_lines(body)] == [("罗立", None, "人民邮电报")]
    assert people.outlet_lines("中国移动  王刚\n") == []  # an outlet's line only


def test_an_adjective_before_a_suffix_is_no_organisation():
    assert chains("著名通信专家王立新表示") == [("王立新", "专家", None)]
    assert chains("云驰科技CTO黄晓峰告诉记者") == [("黄晓峰", "CTO", "云驰科技")]


def test_a_role_points_at_the_unit():
    assert chains("工信部办公厅主任李明说") == [("李明", "主任", "工信部办公厅")]
    assert chains("京东移动转售事业部总经理闫晓明说") == [("闫晓明", "移动转售事业部总经理", "京东")]  # a department


def test_a_body_inside_a_title_is_the_organisation():
    assert chains("浙江省政协委员王刚认为") == [("王刚", "委员", "浙江省政协")]
    assert chains("全国政协委员王刚认为") == [("王刚", "委员", "全国政协")]
    text = "广东省人大代表、星联通信董事长王立称"
    orgs = organisations(text, segment.boundaries(text))
    assert {(r.person, r.title, r.org) for r in people.roles(people.title_chains(text, orgs, titles(text, orgs)))} == {
        ("王立", "董事长", "星联通信"),
        ("王立", "代表", "广东省人大"),
    }


def test_a_label_and_a_colon_name_a_person():
    assert people.label_person("苗立：转售是一项重要改革", []).name == "苗立"
    assert people.label_person("记者：您怎么看", []) is None
    assert people.label_person("王刚说，好", []) is None


def roles_of(text, earlier=()):
    orgs = organisations(text, segment.boundaries(text))
    found = people.title_chains(text, orgs, titles(text, orgs), None, None, earlier)
    found += people.untitled_members(text, orgs, found)
    return {(r.person, r.title, r.org) for r in people.roles(found)}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "工信部部长李明、副部长张强出席会议",
            {("李明", "部长", "工业和信息化部"), ("张强", "副部长", "工业和信息化部")},
        ),
        ("星联通信董事长王伟和总经理刘洋共同宣布", {("王伟", "董事长", "星联通信"), ("刘洋", "总经理", "星联通信")}),
        (
            "会上，云驰科技CTO黄晓峰与副总裁孙丽介绍了新品",
            {("黄晓峰", "CTO", "云驰科技"), ("孙丽", "副总裁", "云驰科技")},
        ),
    ],
)
def test_a_title_listed_after_another_persons_shares_its_organisation(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通原董事长王立初、现任董事长刘烈明均出席", ("刘烈明", "董事长", "中国联通")),
        ("工信部部长苗立、原副部长奚国明出席", ("奚国明", "副部长", "工业和信息化部")),
        ("中国移动董事长杨立和时任总经理李跃新到场", ("李跃新", "总经理", "中国移动")),
    ],
)
def test_a_tense_word_before_a_listed_title_keeps_the_shared_organisation(text, expected):
    assert expected in roles_of(text)


def test_a_title_held_in_ones_own_right_takes_no_organisation_from_the_list():
    assert roles_of("中国移动副总裁李华、资深分析师王强出席论坛") == {
        ("李华", "副总裁", "中国移动"),
        ("王强", "资深分析师", None),
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        ("省通信管理局局长孙立、副市长赵刚共同签署协议", ("赵刚", "副市长", None)),
        ("中国移动总经理李华、市长钱伟出席仪式", ("钱伟", "市长", None)),
        ("星联通信董事长周敏和副省长吴昊参观展台", ("吴昊", "副省长", None)),
    ],
)
def test_a_place_governments_title_takes_no_organisation_from_the_list(text, expected):
    assert expected in roles_of(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国移动董事长、总经理王伟表示", {("王伟", "董事长", "中国移动"), ("王伟", "总经理", "中国移动")}),
        (
            "星联通信创始人、首席执行官高子健说",
            {("高子健", "创始人", "星联通信"), ("高子健", "首席执行官", "星联通信")},
        ),
        ("京东副总裁、华为顾问周敏认为", {("周敏", "副总裁", "京东"), ("周敏", "顾问", "华为")}),
        (
            "中国移动党组书记、董事长杨立，党组副书记、总经理董明出席",
            {
                ("杨立", "党组书记", "中国移动"),
                ("杨立", "董事长", "中国移动"),
                ("董明", "党组副书记", "中国移动"),
                ("董明", "总经理", "中国移动"),
            },
        ),
    ],
)
def test_titles_chained_by_a_list_mark_are_a_role_each(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize(
    "earlier, text, expected",
    [
        ("广东省通信管理局召开座谈会", "我局副局长赵刚介绍", ("赵刚", "副局长", "广东省通信管理局")),
        ("中国通信企业协会发布报告", "该协会副会长刘明表示", ("刘明", "副会长", "中国通信企业协会")),
        ("工商银行与中国联通签约", "该行行长陈华说", ("陈华", "行长", "中国工商银行")),
    ],
)
def test_a_unit_reference_before_a_title_is_the_last_unit_of_its_kind(earlier, text, expected):
    named = organisations(earlier, segment.boundaries(earlier))
    assert roles_of(text, named) == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("工信部信息通信管理局局长（正司级）韩夏说", ("韩夏", "局长", "工业和信息化部信息通信管理局")),
        ("星联通信总经理(代)赵敏表示", ("赵敏", "总经理", "星联通信")),
        ("中国联通副总经理（分管市场）李伟认为", ("李伟", "副总经理", "中国联通")),
    ],
)
def test_a_rank_in_brackets_stands_between_a_title_and_its_holder(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("星联通信首席执行官（CEO）赵敏表示，套餐会降价", ("赵敏", "首席执行官", "星联通信")),
        ("中兴通讯首席技术官(CTO)李伟说，测试已完成", ("李伟", "首席技术官", "中兴通讯")),
        ("云途科技首席财务官 (CFO) 孙丽透露，收入增长", ("孙丽", "首席财务官", "云途科技")),
    ],
)
def test_a_titles_english_letters_in_brackets_stand_between_it_and_its_holder(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("来自中国移动的王强表示，网络覆盖将扩大", ("王强", None, "中国移动")),
        ("孙丽（星联通信）说，套餐会降价", ("孙丽", None, "星联通信")),
        ("华为的任正非说，5G领先", ("任正非", None, "华为")),
        ("发布会上，小米雷军表示，将进入转售市场", ("雷军", None, "小米")),
        ("出席签约的有星联通信的柯立文和瀚海互联代表", ("柯立文", None, "星联通信")),
    ],
)
def test_a_person_tied_to_an_organisation_without_a_title(text, expected):
    assert roles_of(text) == {expected}


def test_no_untitled_role_where_the_person_holds_a_title_there_or_no_name_follows():
    assert roles_of("苏宁互联副总经理王帅表示。苏宁互联的王帅说，前景广阔。") == {("王帅", "副总经理", "苏宁互联")}
    assert roles_of("中国移动的毛利率下降，中国联通将推出新套餐") == set()
    assert roles_of("中国移动金卡用户增长") == set()  # right after the name: a speech verb must follow


@pytest.mark.parametrize(
    "text, expected",
    [
        ("国家发改委价格司司长王强表示", ("王强", "司长", "国家发改委价格司")),
        ("工信部信管局局长赵军称", ("赵军", "局长", "工信部信管局")),
        ("财政部条法司副司长孙涛说", ("孙涛", "副司长", "财政部条法司")),
    ],
)
def test_a_government_bodys_unit_before_the_title_is_where_it_is_held(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("苹果公司CEO蒂姆·库克表示", ("蒂姆·库克", "CEO", "苹果公司")),
        ("高通总裁克里斯蒂安诺·阿蒙在会上指出", ("克里斯蒂安诺·阿蒙", "总裁", "高通")),
        ("星联通信顾问约翰·史密斯说", ("约翰·史密斯", "顾问", "星联通信")),
        ("工信部会见了高通公司总裁保罗·雅各布一行", ("保罗·雅各布", "总裁", "高通")),
        # a name in Latin letters
        ("星联通信副总裁David Chen表示", ("David Chen", "副总裁", "星联通信")),
        ("高通总裁Maria Lopez在会上指出", ("Maria Lopez", "总裁", "高通")),
    ],
)
def test_a_transliterated_name_after_a_title(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text, name",
    [
        ("小李（化名）告诉记者，他办了卡", "小李"),
        ("市民张晓明（化名）说", "张晓明"),
        ("用户刘先生（化名）称", "刘先生"),
    ],
)
def test_a_pseudonym_is_a_person_without_a_role(text, name):
    found = people.marked_persons(text, [])
    assert [c.person.name for c in found] == [name]
    assert people.roles(found) == []


@pytest.mark.parametrize(
    "text, names",
    [
        ("文/张明远\n中国联通昨日发布公告。", ["张明远"]),
        ("中国联通昨日发布公告。\n孙丽 韩磊/文", ["孙丽", "韩磊"]),
        ("中国联通昨日发布公告，称将推进混改。（周海涛）", ["周海涛"]),
    ],
)
def test_a_writers_credit_names_persons_without_a_role(text, names):
    found = people.marked_persons(text, organisations(text, segment.boundaries(text)))
    assert [c.person.name for c in found] == names
    assert people.roles(found) == []


def test_a_byline_title_covers_names_up_to_the_slash():
    assert chains("记者 张明远 李华/文") == [("张明远", "记者", None), ("李华", "记者", None)]


@pytest.mark.parametrize(
    "text, names",
    [
        ("犯罪嫌疑人罗某交代，他从网上购买了号卡", ["罗某"]),
        ("据张某某介绍，该团伙共有十余人", ["张某某"]),
        ("李某某、王某等人被抓获，中国某运营商配合调查", ["李某某", "王某"]),
    ],
)
def test_an_anonymised_name_is_a_person_without_a_role(text, names):
    found = people.marked_persons(text, [])
    assert [c.person.name for c in found] == names
    assert people.roles(found) == []


@pytest.mark.parametrize(
    "text, names",
    [
        ("家住城东的陈女士上周收到一条中奖短信", ["陈女士"]),
        ("一位做了多年代理的黄先生坦言，生意越来越难做", ["黄先生"]),
        ("记者拨通了营业厅孙经理的电话，她说新号段已经放号", ["孙经理"]),
    ],
)
def test_a_surname_and_an_honorific_is_a_person_the_text_does_not_name_in_full(text, names):
    found = people.marked_persons(text, [])
    assert [c.person.name for c in found] == names


@pytest.mark.parametrize(
    "text", ["该公司总经理表示，业务稳定", "张朝阳先生表示，搜狐将继续投入", "客户经理和项目经理都到场"]
)
def test_an_honorific_after_a_full_name_or_a_job_word_adds_no_person(text):
    assert people.marked_persons(text, []) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("星联通信内部员工张华透露", {("张华", "内部员工", "星联通信")}),
        ("瀚海互联大股东王建国称", {("王建国", "大股东", "瀚海互联")}),
        (
            "中国信通院副院长、中国工程院院士邬立铨认为",
            {("邬立铨", "副院长", "中国信息通信研究院"), ("邬立铨", "院士", "中国工程院")},
        ),
    ],
)
def test_members_holders_and_academicians_have_titles(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("联通董事长王立初表示，混改进展顺利", ("王立初", "董事长", "中国联通")),
        ("会上，移动总经理李跃新说", ("李跃新", "总经理", "中国移动")),
        ("原电信副总裁赵国华称", ("赵国华", "副总裁", "中国电信")),
    ],
)
def test_an_operators_short_name_before_a_title_is_the_operator(text, expected):
    assert roles_of(text) == {expected}


def test_a_short_name_before_a_title_held_in_ones_own_right_is_no_organisation():
    assert roles_of("电信行业分析师付明认为") == {("付明", "行业分析师", None)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("会上，杨立董事长指出，5G发展迅速", ("杨立", "董事长", None)),
        ("中国移动杨立董事长表示，将加大投入", ("杨立", "董事长", "中国移动")),
        ("工信部陈明副部长出席会议并讲话", ("陈明", "副部长", "工业和信息化部")),
    ],
)
def test_a_title_after_the_name_it_honours(text, expected):
    assert roles_of(text) == {expected}


def test_no_name_before_a_title_where_jieba_reads_none():
    assert roles_of("历任董事长都很重视，公司董事长出席") == set()


def test_spaces_between_a_title_and_its_holder():
    assert roles_of("中国联通董事长 王立初表示") == {("王立初", "董事长", "中国联通")}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "工信部副部长刘烈明、张云立出席会议",
            {("刘烈明", "副部长", "工业和信息化部"), ("张云立", "副部长", "工业和信息化部")},
        ),
        (
            "星联通信副总裁李华、王刚、孙丽参加了发布会",
            {("李华", "副总裁", "星联通信"), ("王刚", "副总裁", "星联通信"), ("孙丽", "副总裁", "星联通信")},
        ),
        (
            "会上，记者向中国联通副总经理梁宝明、范云军提问",
            {("梁宝明", "副总经理", "中国联通"), ("范云军", "副总经理", "中国联通")},
        ),
    ],
)
def test_names_listed_after_a_holder_hold_the_title_too(text, expected):
    assert roles_of(text) == expected


def test_a_listed_name_with_its_own_title_or_an_organisation_ends_the_holders():
    assert roles_of("中国移动董事长杨立、华为董事长梁明出席") == {
        ("杨立", "董事长", "中国移动"),
        ("梁明", "董事长", "华为"),
    }
    assert roles_of("工信部部长苗立、中国移动等企业代表出席") == {("苗立", "部长", "工业和信息化部")}


@pytest.mark.parametrize(
    "text, titles_held",
    [
        ("中国联通党组书记、董事长、总经理王立初表示", {"党组书记", "董事长", "总经理"}),
        ("工信部党组成员、总工程师、新闻发言人田立龙说", {"党组成员", "总工程师", "新闻发言人"}),
        ("星联通信创始人、董事长、首席执行官高子明认为", {"创始人", "董事长", "首席执行官"}),
    ],
)
def test_a_chain_of_three_titles_gives_each_at_the_chains_organisation(text, titles_held):
    found = roles_of(text)
    assert {title for _, title, _ in found} == titles_held
    assert len({org for _, _, org in found}) == 1 and None not in {org for _, _, org in found}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("周明任江西分公司总经理。", ("周明", "总经理", "江西分公司")),
        ("孙丽任华盛公司董事长。", ("孙丽", "董事长", "华盛公司")),
        ("调整后，钱伟任河南分公司副总经理。", ("钱伟", "副总经理", "河南分公司")),
    ],
)
def test_a_name_ending_in_gongsi_before_a_title_is_no_reference_to_the_company_before(text, expected):
    antecedent = organisations("华为", segment.boundaries("华为"))[0]
    assert chains(text, antecedent) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("星联通信科技有限公司（以下简称星联通信）副总裁张明辉表示", ("张明辉", "副总裁", "星联通信")),
        ("瀚海网络技术股份有限公司(简称:瀚海网络)董事长兼总经理刘志远说", ("刘志远", "董事长兼总经理", "瀚海网络")),
        ("瀚海互联有限公司（下称“瀚海”）首席执行官李晓峰称", ("李晓峰", "首席执行官", "瀚海")),
    ],
)
def test_a_short_name_bracket_between_an_organisation_and_a_title_is_passed_over(text, expected):
    assert chains(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本报记者 贺 骏", [("贺 骏", "记者", None)]),
        ("每经记者 蒋明芳 每经编辑 孙 桥", [("蒋明芳", "记者", "每日经济新闻"), ("孙 桥", "编辑", "每日经济新闻")]),
        ("新京报讯（记者 刘 洋）星联通信昨日宣布", [("刘 洋", "记者", "新京报")]),
    ],
)
def test_a_byline_sets_a_two_character_name_off_by_a_space(text, expected):
    assert chains(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中新网杭州3月2日电(采访人员 周晓兰)星联通信2日宣布", [("周晓兰", "采访人员", "中国新闻社")]),
        ("新京报讯（采访人员 宋佳明）记者昨日获悉", [("宋佳明", "采访人员", "新京报")]),
        ("采访人员 李明远 北京报道", [("李明远", "采访人员", None)]),
    ],
)
def test_an_interviewer_marker_is_a_reporters(text, expected):
    assert chains(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上证报中国证券网讯（记者 王明宇）星联通信3月1日发布年报", ("王明宇", "记者", "上海证券报")),
        ("中证报中证网讯（记者 李华强）星联通信公布业绩", ("李华强", "记者", "中国证券报")),
        ("上证报中国证券网讯（刘晓东）星联通信公布业绩", ("刘晓东", None, "上海证券报")),
    ],
)
def test_a_paper_before_its_own_site_in_a_dateline_is_the_bylines_outlet(text, expected):
    assert chains(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("法治周末见习记者 文明娟", [("文明娟", "见习记者", "法治周末")]),
        ("经济观察报记者 张明 李华", [("张明", "记者", "经济观察报"), ("李华", "记者", "经济观察报")]),
        ("星河财经特约记者 周海涛", [("周海涛", "特约记者", "星河财经")]),
    ],
)
def test_a_byline_line_opens_with_its_outlet_known_or_not(text, expected):
    assert chains(text) == expected


@pytest.mark.parametrize("text", ["上午记者 张明", "本报记者 张明", "记者 张明 北京报道，星联通信昨日宣布"])
def test_no_outlet_from_a_time_word_or_a_line_that_runs_on(text):
    assert all(org is None for _, _, org in chains(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("星联通信董事长代明远表示", [("代明远", "董事长", "星联通信")]),
        ("瀚海互联副总裁买红梅介绍", [("买红梅", "副总裁", "瀚海互联")]),
        ("董事长代表公司出席了会议", []),  # 代表 is a word, no name
        ("星联通信副总经理傅强表示", [("傅强", "副总经理", "星联通信")]),
        ("瀚海互联总经理洪涛说", [("洪涛", "总经理", "瀚海互联")]),
        ("记者 赖小明 报道", [("赖小明", "记者", None)]),
        ("文/计明远", [("计明远", None, None)]),
        ("总经理计划明年上市", []),  # 计划 is a word, no name
    ],
)
def test_less_common_surnames_open_names(text, expected):
    assert chains(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("八月二日中国电信公布今年半年报，董事长柯明远表示用户数增长三成。", ("柯明远", "董事长", "中国电信")),
        ("星联通信昨日发布年度财报，首席执行官张国华称用户数增长三成。", ("张国华", "首席执行官", "星联通信")),
        ("今年上半年京东完成了转售业务的调整，副总裁李明远介绍，新套餐将于下月上线。", ("李明远", "副总裁", "京东")),
    ],
)
def test_an_officers_bare_title_is_at_the_organisation_opening_the_clause_before(text, expected):
    assert chains(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "2023年3月5日小米与中国联通签署协议，总经理赵强表示合作顺利。",  # two organisations: whose?
        "中国移动公布业绩，分析师王刚认为增长放缓。",  # a title held in one's own right
    ],
)
def test_no_subject_organisation_for_a_bare_title(text):
    assert [org for _, _, org in chains(text)] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "该公司股东应占利润同比下降。",
        "监事会主席任职期间表现突出。",
        "分析师史无前例地上调了预期。",
        "另据记者了解，与南韩及日本不同，星联通信将独立建网。",
    ],
)
def test_words_of_the_sentence_after_a_title_are_no_name(text):
    assert chains(text) == []


def test_a_name_running_into_a_word_keeps_its_given_name():
    assert chains("工信部发言人谢存在会上表示") == [("谢存", "发言人", "工业和信息化部")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("在开幕式上习近平主席发表主旨演讲", ("习近平", "主席", None)),
        ("会上王建国主席宣布大会开幕", ("王建国", "主席", None)),
        ("据悉刘明主席已抵达北京", ("刘明", "主席", None)),
    ],
)
def test_a_chair_is_named_after_the_person(text, expected):
    assert chains(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("他昨日在会后接受星海传媒记者王丽采访", ("王丽", "记者", "星海传媒")),
        ("张明在发布会上接受远帆传媒总编辑李强专访", ("李强", "总编辑", "远帆传媒")),
        ("刘洋表示，欢迎蓝鲸科技总经理周涛加入", ("周涛", "总经理", "蓝鲸科技")),
    ],
)
def test_an_unknown_organisation_before_a_title_starts_after_the_verb(text, expected):
    assert chains(text)[0] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "蓝海通信高管和重要骨干刘建国、陈志华已经离职",
            {(p, t, "蓝海通信") for p in ("刘建国", "陈志华") for t in ("高管", "重要骨干")},
        ),
        ("星联科技董事长及总经理王海峰出席了发布会", {("王海峰", t, "星联科技") for t in ("董事长", "总经理")}),
        ("据悉，远景通信核心骨干和高管孙嘉怡已于近日离职", {("孙嘉怡", t, "远景通信") for t in ("核心骨干", "高管")}),
    ],
)
def test_titles_joined_by_and_are_one_role_each(text, expected):
    assert set(chains(text)) == expected


def test_a_verb_after_senior_staff_is_no_name():
    assert chains("分享通信、海航通信等多家虚商高管齐聚北京") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("工信部信息通信发展司长周建平表示", ("周建平", "司长", "工信部信息通信发展司")),
        ("国家发改委价格司长陈立新在会上介绍了情况", ("陈立新", "司长", "国家发改委价格司")),
        ("据了解，工信部信息通信管理局长刘宏伟出席了会议", ("刘宏伟", "局长", "工业和信息化部信息通信管理局")),
    ],
)
def test_a_unit_ending_in_the_titles_first_character_holds_it(text, expected):
    assert chains(text) == [expected]


@pytest.mark.parametrize(
    "text, holders",
    [
        ("华为副总裁王明远、小米副总裁李海涛是本届展会的新闻发言人。", [("王明远", "华为"), ("李海涛", "小米")]),
        (
            "中国移动副总经理赵立新和中国电信副总经理孙伟是两家公司指定的新闻发言人。",
            [("赵立新", "中国移动"), ("孙伟", "中国电信")],
        ),
        (
            "中兴通讯高级副总裁刘建军，中国铁塔副总经理周文斌都是本次峰会确定的新闻发言人",
            [("刘建军", "中兴通讯"), ("周文斌", "中国铁塔")],
        ),
    ],
)
def test_people_listed_before_a_described_title_hold_it_at_their_own_organisation(text, holders):
    assert [(p, o) for p, t, o in chains(text) if t == "新闻发言人"] == holders


@pytest.mark.parametrize(
    "text, held",
    [
        ("离职的还有话机世界总裁江卫国(原中国联通温州公司总经理)等人。", ("江卫国", "总经理", "温州联通")),
        ("上个月加盟的副总裁李思远（前华为终端副总裁）负责产品。", ("李思远", "终端副总裁", "华为")),
        ("据悉，新任总经理王海涛（原中国移动江苏公司副总经理）已到岗。", ("王海涛", "副总经理", "江苏移动")),
    ],
)
def test_a_former_post_in_brackets_after_a_titled_name(text, held):
    assert held in chains(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("宁夏回族自治区信息通信研究院院长王强表示，很好。", ("王强", "院长", "宁夏回族自治区信息通信研究院")),
        ("据悉，刘伟此前担任新疆维吾尔自治区通信管理局局长。", ("刘伟", "局长", "新疆维吾尔自治区通信管理局")),
        ("孙丽曾任广西壮族自治区信息通信研究院副院长。", ("孙丽", "副院长", "广西壮族自治区信息通信研究院")),
    ],
)
def test_a_long_unknown_organisation_before_a_title_is_read_whole(text, expected):
    orgs = organisations(text, segment.boundaries(text))
    assert {(r.person, r.title, r.org) for r in people.roles(people.title_chains(text, orgs, titles(text, orgs)))} == {
        expected
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "中国联通原党组书记、董事长，现中国电信党组书记、董事长王晓明出席。",
            {
                ("王晓明", "原党组书记", "中国联通", "former"),
                ("王晓明", "董事长", "中国联通", None),
                ("王晓明", "党组书记", "中国电信", "current"),
                ("王晓明", "董事长", "中国电信", None),
            },
        ),
        (
            "小米科技原副总裁，现远特通信总经理李伟表示，很好。",
            {("李伟", "原副总裁", "小米", "former"), ("李伟", "总经理", "远特通信", "current")},
        ),
        (
            "中国移动原副总经理，现任中国铁塔董事长张明出席会议。",
            {("张明", "原副总经理", "中国移动", "former"), ("张明", "董事长", "中国铁塔", "current")},
        ),
    ],
)
def test_a_former_post_before_a_current_one_is_held_by_the_name_after_both(text, expected):
    orgs = organisations(text, segment.boundaries(text))
    found = people.roles(people.title_chains(text, orgs, titles(text, orgs)))
    assert {(r.person, r.title, r.org, r.tense) for r in found} == expected


def _named(name):
    orgs = organisations(name, segment.boundaries(name))
    assert len(orgs) == 1
    return orgs


@pytest.mark.parametrize(
    "text, earlier, expected",
    [
        ("就在当晚，蜗牛CEO石磊在微信群里宣布叫停。", "蜗牛移动", ("石磊", "CEO", "蜗牛移动")),
        ("星联总裁李明坦言，压力很大。", "星联通信", ("李明", "总裁", "星联通信")),
        ("瀚海董事长王刚表示，很好。", "瀚海科技", ("王刚", "董事长", "瀚海科技")),
    ],
)
def test_a_brands_short_form_before_a_title_is_the_organisation_named_before(text, earlier, expected):
    assert roles_of(text, _named(earlier)) == {expected}


def test_a_place_or_a_head_two_organisations_share_is_no_short_form():
    assert roles_of("中国CEO李明坦言，压力很大。", _named("中国移动")) == {("李明", "CEO", None)}
    assert roles_of("星联总裁李明坦言，压力很大。", _named("星联通信") + _named("星联科技")) == {("李明", "总裁", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("南方都市报讯 (全媒体记者 韩磊)星联通信昨日宣布降价。", ("韩磊", "全媒体记者", "南方都市报")),
        ("新京报讯（融媒体记者张明）分享通信昨日宣布降价。", ("张明", "融媒体记者", "新京报")),
        ("中新社北京5月2日电 (全媒体记者 刘明)工信部2日表示", ("刘明", "全媒体记者", "中国新闻社")),
    ],
)
def test_a_newsrooms_media_reporter_is_a_byline_of_the_outlet(text, expected):
    assert chains(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("飞象网周涛/文", [("周涛", None, "飞象网")]),
        ("通信世界网 韩磊/文", [("韩磊", None, "通信世界")]),
        ("新浪科技李明、王刚/文", [("李明", None, "新浪"), ("王刚", None, "新浪")]),
    ],
)
def test_an_outlet_opening_a_writers_credit_is_theirs(text, expected):
    assert chains(text) == expected

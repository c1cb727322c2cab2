"""Title chains, appositions, bylines and later references (invented people)."""

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

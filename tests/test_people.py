"""Title chains, appositions, bylines and later references (invented people)."""
from pipeline import people, segment
from pipeline.recognise.organisations import organisations
from pipeline.recognise.titles import titles


def chains(text, antecedent=None):
    orgs = organisations(text, segment.boundaries(text))
    found = people.title_chains(text, orgs, titles(text, orgs), antecedent) + people.marked_persons(text, orgs)
    return [(c.person.name, c.title.name, c.org.name if c.org else None) for c in found]


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
    assert ("周涛", "本报记者", None) in chains("本报记者 周涛 北京报道")


def test_a_frequent_word_after_a_title_is_no_name():
    assert chains("这位负责人强调，实名制是红线") == []


def test_roles_need_an_organisation_and_come_once():
    text = "苏宁互联副总经理韩磊表示。苏宁互联副总经理韩磊说。"
    orgs = organisations(text, segment.boundaries(text))
    found = people.title_chains(text, orgs, titles(text, orgs))
    assert [(r.person, r.title, r.org) for r in people.roles(found)] == [("韩磊", "副总经理", "苏宁互联")]


def test_short_forms_for_later_references():
    text = "海航通信副总裁欧阳明发言"
    orgs = organisations(text, segment.boundaries(text))
    forms = people.reference_forms(people.title_chains(text, orgs, titles(text, orgs)))
    assert forms["欧阳总"] == "欧阳明"

"""Appointments: who holds a title no name follows (invented people)."""

import pytest

from pipeline.language import segment
from pipeline.recognise import chains as people
from pipeline.recognise.organisations import organisations
from pipeline.recognise.titles import titles


def roles_of(text):
    orgs = organisations(text, segment.boundaries(text))
    return {(r.person, r.title, r.org) for r in people.roles(people.title_chains(text, orgs, titles(text, orgs)))}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("刘建国曾任中国电信集团副总经理。", ("刘建国", "副总经理", "中国电信")),
        ("据悉，王芳此前担任中国联通市场部总经理。", ("王芳", "市场部总经理", "中国联通")),
        ("赵敏已正式出任星联通信首席执行官。", ("赵敏", "首席执行官", "星联通信")),
    ],
)
def test_the_holder_stands_before_a_verb_of_holding(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("国务院任命李强为工业和信息化部副部长。", ("李强", "副部长", "工业和信息化部")),
        ("会议决定免去王勇的星联通信董事长职务。", ("王勇", "董事长", "星联通信")),
        ("董事会聘任孙涛担任京东副总裁。", ("孙涛", "副总裁", "京东")),
    ],
)
def test_the_appointee_stands_after_a_verb_of_appointing(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国移动召开干部大会，宣布李跃任中国移动总裁。", ("李跃", "总裁", "中国移动")),
        ("会议决定王建国担任星联通信董事长。", ("王建国", "董事长", "星联通信")),
        ("经过讨论，由张华出任瀚海互联总经理。", ("张华", "总经理", "瀚海互联")),
    ],
)
def test_the_holder_may_follow_another_word_where_jieba_reads_a_name(text, expected):
    assert roles_of(text) == {expected}


def test_a_person_named_in_a_chain_is_the_holder_of_the_next_post():
    assert roles_of("中国移动原副总经理李华已调任中国铁塔董事长。") == {
        ("李华", "原副总经理", "中国移动"),
        ("李华", "董事长", "中国铁塔"),
    }


def test_no_holder_without_a_name_before_the_verb():
    assert roles_of("该职位此前由中国联通副总经理担任。") == set()
    assert roles_of("这是中国移动董事长首次表态。") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("王刚接替李明出任星联通信总经理。", ("王刚", "总经理", "星联通信")),
        ("此次调整后，赵敏将接替孙丽担任中国联通副总经理。", ("赵敏", "副总经理", "中国联通")),
        ("宣布由周华接替钱伟任瀚海互联董事长。", ("周华", "董事长", "瀚海互联")),
    ],
)
def test_the_successor_holds_the_title_not_the_one_succeeded(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "王刚，男，1965年出生，曾任中国电信副总经理、中国联通总经理。",
            {("王刚", "副总经理", "中国电信"), ("王刚", "总经理", "中国联通")},
        ),
        (
            "李华此前曾任小米科技副总裁、星联通信首席执行官。",
            {("李华", "副总裁", "小米"), ("李华", "首席执行官", "星联通信")},
        ),
        (
            "孙丽，1970年生，现任瀚海互联董事长。",
            {("孙丽", "董事长", "瀚海互联")},
        ),
    ],
)
def test_a_biographys_subject_holds_every_post_listed(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "周华任瀚海互联董事、总经理、党委副书记。",
            {("周华", "董事", "瀚海互联"), ("周华", "总经理", "瀚海互联"), ("周华", "党委副书记", "瀚海互联")},
        ),
        (
            "宣布孙丽出任星联通信董事长、党组书记。",
            {("孙丽", "董事长", "星联通信"), ("孙丽", "党组书记", "星联通信")},
        ),
        (
            "王勇此前为中国联通副总裁、党组成员。",
            {("王勇", "副总裁", "中国联通"), ("王勇", "党组成员", "中国联通")},
        ),
    ],
)
def test_posts_listed_without_an_organisation_after_an_appointment_are_at_its_organisation(text, expected):
    assert roles_of(text) == expected


def test_posts_listed_after_an_appointment_keep_its_tense():
    text = "李华曾任中国联通副总裁、瀚海互联首席执行官。"
    orgs = organisations(text, segment.boundaries(text))
    assert {c.tense for c in people.title_chains(text, orgs, titles(text, orgs))} == {"former"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("王建国同志任中国移动董事长。", ("王建国", "董事长", "中国移动")),
        ("中央决定：李华同志任中国联通总经理。", ("李华", "总经理", "中国联通")),
        ("会上宣布孙丽同志任瀚海互联党组书记。", ("孙丽", "党组书记", "瀚海互联")),
    ],
)
def test_an_appellation_between_the_holder_and_the_verb(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "据悉，王明的新职务为星联通信副总裁、党委委员。",
            {("王明", "副总裁", "星联通信"), ("王明", "党委委员", "星联通信")},
        ),
        ("据公司官网，李芳的新职务是远特通信总经理。", {("李芳", "总经理", "远特通信")}),
        ("张强的职务是中国移动上海公司董事长。", {("张强", "董事长", "上海移动")}),
    ],
)
def test_a_new_post_reported_as_the_holders_职务(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("王勇不再担任中国联通副总经理职务。", ("王勇", "副总经理", "中国联通")),
        ("因年龄原因，李强不再担任星联通信董事长。", ("李强", "董事长", "星联通信")),
        ("赵敏此前已不再担任瀚海互联首席执行官。", ("赵敏", "首席执行官", "瀚海互联")),
    ],
)
def test_one_who_no_longer_holds_a_post_held_it(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "据介绍，张海峰毕业于清华大学，曾任中国电信副总裁，小米科技首席执行官。",
            {("张海峰", "副总裁", "中国电信"), ("张海峰", "首席执行官", "小米")},
        ),
        (
            "资料显示，赵立新，博士，先后担任浙江移动总经理，中国移动市场部总经理。",
            {("赵立新", "总经理", "浙江移动"), ("赵立新", "市场部总经理", "中国移动")},
        ),
        (
            "孙丽毕业于北京邮电大学，工学博士，曾任工信部信息通信发展司副司长，江苏省通信管理局党组书记、局长。",
            {
                ("孙丽", "副司长", "工信部信息通信发展司"),
                ("孙丽", "党组书记", "江苏省通信管理局"),
                ("孙丽", "局长", "江苏省通信管理局"),
            },
        ),
    ],
)
def test_a_biographys_elided_subject_holds_the_posts_listed_by_commas(text, expected):
    assert roles_of(text) == expected


def test_a_post_by_a_comma_that_runs_into_a_clause_is_not_listed():
    assert roles_of("王刚说，公司曾任命多位副总裁，总经理表示同意。") == set()


def members_of(text):
    orgs = organisations(text, segment.boundaries(text))
    found = people.title_chains(text, orgs, titles(text, orgs))
    return {(r.person, r.title, r.org) for r in people.roles(found + people.untitled_members(text, orgs, found))}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "据悉，星联通信前副总裁周明辉已正式加入京东。",
            {("周明辉", "前副总裁", "星联通信"), ("周明辉", None, "京东")},
        ),
        ("赵立新、孙晓燕日前跳槽至小米。", {("赵立新", None, "小米"), ("孙晓燕", None, "小米")}),
        ("钱文博此前曾供职于中国联通。", {("钱文博", None, "中国联通")}),
    ],
)
def test_a_verb_of_joining_ties_the_people_before_it_to_the_organisation_after_it(text, expected):
    assert members_of(text) == expected


def test_joining_needs_the_joiner_right_before_the_verb():
    assert members_of("他表示，加入中国移动的用户越来越多。") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "据悉，王建国曾历任中国移动北京分公司副总经理、党委委员，中国移动上海分公司总经理、党委书记，中国移动副总经理等职务。",
            {
                ("王建国", "副总经理", "北京移动"),
                ("王建国", "党委委员", "北京移动"),
                ("王建国", "总经理", "上海移动"),
                ("王建国", "党委书记", "上海移动"),
                ("王建国", "副总经理", "中国移动"),
            },
        ),
        (
            "李晓明此前历任中国电信浙江分公司副总经理、党组成员，中国电信集团有限公司副总经理、党组成员。",
            {
                ("李晓明", "副总经理", "浙江电信"),
                ("李晓明", "党组成员", "浙江电信"),
                ("李晓明", "副总经理", "中国电信"),
                ("李晓明", "党组成员", "中国电信"),
            },
        ),
        (
            "张海涛历任中国联通山东省分公司总经理、党委副书记，中国联通副总经理等职。",
            {
                ("张海涛", "总经理", "山东联通"),
                ("张海涛", "党委副书记", "山东联通"),
                ("张海涛", "副总经理", "中国联通"),
            },
        ),
    ],
)
def test_a_career_list_after_历任_gives_every_post_up_to_its_closing_words(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("刘洋曾任小米集团人力资源部总经理，小米集团副总裁等职务。", ("刘洋", "副总裁", "小米")),
        ("据介绍，孙明历任中国电信人力资源部副总经理，中国电信广东分公司总经理。", ("孙明", "总经理", "广东电信")),
        ("张华曾任中国移动人力资源部总经理、中国移动副总裁。", ("张华", "副总裁", "中国移动")),
    ],
)
def test_a_career_list_runs_on_past_a_post_at_a_unit_named_after_its_organisation(text, expected):
    assert expected in roles_of(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通宣布吴海涛辞去公司副总经理职务。", ("吴海涛", "副总经理", "中国联通")),
        ("会议宣布，石向阳出任星联通信总经理。", ("石向阳", "总经理", "星联通信")),
        (
            "中国移动公告，董事会同意鲁向东辞去公司执行董事兼副总经理的职务。",
            ("鲁向东", "执行董事兼副总经理", "中国移动"),
        ),
    ],
)
def test_a_name_after_another_word_keeps_the_surname_jieba_cut_off(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "还有消息称中国移动副总裁李正国将出任中国电信总经理，中国电信方面回应称以公告为准。",
        "业内有传闻称，华为副总裁王明远将调任荣耀董事长。",
        "据传小米集团副总裁李海涛将出任京东总裁一职",
    ],
)
def test_an_appointment_reported_as_hearsay_gives_no_post(text):
    assert {title for _, title, _ in roles_of(text)} == {"副总裁"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("随后，中国电信总经理柯文强升任董事长，但总经理职务开始空缺。", ("柯文强", "董事长", "中国电信")),
        ("小米集团副总裁李海涛日前晋升为总裁。", ("李海涛", "总裁", "小米")),
        ("去年，华为终端副总经理王明远升任总经理，负责手机业务。", ("王明远", "总经理", "华为")),
    ],
)
def test_a_promotion_with_no_organisation_is_at_the_holders_own(text, expected):
    assert expected in roles_of(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("因工作调整，陈立辞任中国联通董事长职务。", ("陈立", "董事长", "中国联通")),
        ("周敏日前请辞中国铁塔副总经理一职。", ("周敏", "副总经理", "中国铁塔")),
        ("吴昊同志辞任中国移动执行董事。", ("吴昊", "执行董事", "中国移动")),
    ],
)
def test_one_who_resigns_a_post_held_it(text, expected):
    assert roles_of(text) == {expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "赵敏已辞任中国联通董事长及董事职务。",
            {("赵敏", "董事长", "中国联通"), ("赵敏", "董事", "中国联通")},
        ),
        (
            "钱立曾任中国电信副总经理和中国铁塔董事。",
            {("钱立", "副总经理", "中国电信"), ("钱立", "董事", "中国铁塔")},
        ),
        (
            "孙浩将出任星联通信总裁以及瀚海互联董事。",
            {("孙浩", "总裁", "星联通信"), ("孙浩", "董事", "瀚海互联")},
        ),
    ],
)
def test_posts_joined_by_及_or_和_after_a_holder_are_all_held(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("重组后赵刚出任星联通信董事长。", ("赵刚", "董事长", "星联通信")),  # jieba: 后赵|刚
        ("此次调整后林海涛任山东分公司总经理。", ("林海涛", "总经理", "山东分公司")),  # jieba: 后林|海涛
        ("换届后周明担任分享通信总裁。", ("周明", "总裁", "分享通信")),  # jieba: 后周|明
        ("调整后张伟任辽宁分公司总经理。", ("张伟", "总经理", "辽宁分公司")),  # jieba: 后|张伟, read as 后张伟
    ],
)
def test_the_holder_may_follow_a_word_of_sequence_jieba_reads_into_the_name(text, expected):
    assert roles_of(text) == {expected}

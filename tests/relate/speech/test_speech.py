"""Attribution patterns, one sentence or two each (invented people, written for the tests)."""

import pytest

from pipeline.extract import extract
from pipeline.records import Article


def said(text):
    x = extract(Article(doc="t", text=text))
    return [(s.speaker, s.speaker_desc, s.cue, s.text) for s in x.statements]


def heads(text):
    return [(s[0], s[1], s[3][:6]) for s in said(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # reported speech after a title chain
        ("小米科技副总裁张晓明在发布会上表示，今年的用户将超过300万。", [("张晓明", None, "今年的用户将")]),
        # a preposed source
        ("据分享通信董事长周海涛透露，新套餐将于下月上线。", [("周海涛", None, "新套餐将于下")]),
        # the quotation before its speaker, in one sentence
        ("“我们不做价格战。”孙立平说。", [("孙立平", None, "我们不做价格")]),
        # a quotation, then the speaker's own clause after the verb: one cue, one statement
        ("“虚商必须找到差异化的方向。”刘芳认为，价格不是唯一的竞争手段。", [("刘芳", None, "虚商必须找到")]),
        # anonymous sources
        ("一位不愿具名的业内人士透露，部分虚商的用户流失率接近40%。", [(None, "不愿具名的业内人士", "部分虚商的用")]),
        ("有知情人士称，该项目已经暂停。", [(None, "知情人士", "该项目已经暂")]),
        # an organisation speaking through a document
        ("中国联通发布公告称，将与阿里巴巴签署战略合作协议。", [(None, "中国联通公告", "将与阿里巴巴")]),
        # the organisation spoken to is not the speaker
        ("记者向中国联通求证，对方表示不予置评。", []),
        # a cue inside an aside or used as a noun is no statement
        ("蜗牛移动展示了此前透露的游戏手机。", []),
        ("据介绍，这款手机主要面向校园市场。", []),
    ],
)
def test_attribution(text, expected):
    assert heads(text) == expected


def test_later_references_to_a_person():
    text = (
        "京东通信总经理钱卫东日前接受采访。钱卫东表示，用户增长好于预期。"
        "他还透露，明年将推出物联网套餐。钱总对记者说，资费还会下调。"
    )
    assert [s[0] for s in said(text)] == ["钱卫东", "钱卫东", "钱卫东"]


def test_pronoun_refers_to_an_anonymous_source_quoted_last():
    text = "海航通信副总裁欧阳明发言后，一位业内人士透露，批发价还会下调。他估计，明年降幅约为两成。"
    speakers = [(s[0], s[1]) for s in said(text)]
    assert speakers[-1] == (None, "业内人士")


def test_group_of_companies_executives():
    text = "对此，迪信通、分享通信、蜗牛移动高层均表示，互联互通不是难题。"
    x = extract(Article(doc="t", text=text))
    (s,) = x.statements
    assert s.speaker is None and s.speaker_desc == "迪信通、分享通信、蜗牛移动高层"
    assert set(s.about) == {"迪信通", "分享通信", "蜗牛移动"}


def test_statement_about_names_the_organisations_in_it():
    text = "苏宁互联副总经理韩磊表示，苏宁互联的用户已超过10万。"
    (s,) = extract(Article(doc="t", text=text)).statements
    assert s.about == ["苏宁互联"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb with its tail is one cue
        ("中国联通转售业务部总经理李伟进一步解释说，批发价格下调是大势所趋。", [("李伟", None, "批发价格下调")]),
        # a verb that runs on into the clause's real cue
        ("阿里通信相关负责人在回复邮件中表示，阿里小号业务不受影响。", [(None, "阿里通信相关负责人", "阿里小号业务")]),
        # the addressee is not what was said
        ("王晓东告诉本报记者：“我们今年会推出新卡。”", [("王晓东", None, "我们今年会推")]),
        # a person after 对于/针对 is spoken about
        ("针对王磊的说法，蜗牛移动副总裁陈平回应称，游戏用户仍是核心。", [("陈平", None, "游戏用户仍是")]),
        # 刘先生 speaks but is not named
        ("刘先生说，幸亏银行工作人员多问了几句。", [(None, "刘先生", "幸亏银行工作")]),
        # a document speaks
        ("《通知》指出，经过四年多的试点，转售业务发挥了积极作用。", [(None, "《通知》", "经过四年多的")]),
    ],
)
def test_more_attribution(text, expected):
    assert heads(text) == expected


def test_interview_transcript_answers_belong_to_the_interviewee():
    text = "国美极信副总裁韦岚接受了专访。她坦言，行业已过跑马圈地阶段。\n问：目前用户规模有多大？\n答：截至6月底，累计用户约为320万。"
    assert [(s[0], s[2]) for s in said(text)] == [("韦岚", "坦言"), ("韦岚", "答")]


def test_a_wire_dateline_is_no_speaker():
    text = "新华社北京3月5日电(记者 林小川)政府工作报告提出，取消流量漫游费。"
    assert heads(text) == [(None, "政府工作报告", "取消流量漫游")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a directive: an organisation's 要求 with its object and no comma
        ("工信部明确要求被约谈企业务必加强渠道管理。", [(None, "工信部", "被约谈企业务")]),
        # a group that promises, speculation by the outside world, a suspect's confession
        ("参会企业承诺坚决整改到位。", [(None, "参会企业", "坚决整改到位")]),
        ("外界猜测，此次停牌可能与重组有关。", [(None, "外界", "此次停牌可能")]),
        ("据李强交代，他是听朋友介绍入行的。", [("李强", None, "他是听朋友介")]),
    ],
)
def test_directives_groups_and_speculation(text, expected):
    assert heads(text) == expected


def test_a_quotation_and_the_content_after_its_cue_are_one_statement():
    text = "“用户流失很严重。”海航通信总经理周斌告诉记者，下一步将推出新套餐。"
    (s,) = extract(Article(doc="t", text=text)).statements
    assert s.text.startswith("用户流失很严重") and s.text.endswith("下一步将推出新套餐")
    assert s.about == ["海航通信"]  # from the content's left-out subject, not from the speaker's title


@pytest.mark.parametrize(
    "text, expected",
    [
        ("有分析称，混改最终可能引入新股东。", [(None, "分析", "混改最终可能")]),
        ("但也有分析认为，作为试点，步子不会迈得很大。", [(None, "分析", "作为试点，步")]),
        ("有消息称，该项目已经暂停。", [(None, "消息", "该项目已经暂")]),
    ],
)
def test_an_unnamed_source_after_you(text, expected):
    assert heads(text) == expected


def test_a_name_and_a_colon_open_an_answer_in_a_transcript():
    text = (
        "记者：您怎么看虚商的前景？\n刘志刚：转售企业进入市场，有助于资费进一步合理化。\n中国电信：新业务带来两大机会。"
    )
    assert said(text) == [("刘志刚", None, "：", "转售企业进入市场，有助于资费进一步合理化")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a report that introduces content directly is its source; one that relays a speaker is not
        (
            "据工业和信息化部网站消息，近日，推广工作研讨会在武汉召开。",
            [(None, "工业和信息化部网站消息", "近日，推广工")],
        ),
        ("据中新网报道，工信部副部长辛国斌表示，资费持续下降。", [("辛国斌", None, "资费持续下降")]),
        # nominal attributions: the quotation's holder, before it, speaks
        (
            "针对媒体今天 “新牌照有望本月发放”的报道，有关人士表示，此消息属于误传。",
            [(None, "媒体", "新牌照有望本"), (None, "有关人士", "此消息属于误")],
        ),
        ("这与中国信息通信研究院此前“携转率将在1%之内”的预测基本相符。", [(None, "中国信息通信研究院", "携转率将在1")]),
    ],
)
def test_reports_and_nominal_attributions(text, expected):
    assert heads(text) == expected

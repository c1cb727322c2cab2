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
        # 刘先生 speaks, a person the text does not name in full (like 罗某)
        ("刘先生说，幸亏银行工作人员多问了几句。", [("刘先生", None, "幸亏银行工作")]),
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
        # 据 + an outlet + a date + 消息 is a report, its outlet the source, not a dateline
        ("据人民邮电报3月2日消息，工信部将发放新一批转售牌照。", [(None, "人民邮电报3月2日消息", "工信部将发放")]),
        ("据通信周刊6月1日消息，三家运营商将下调流量资费。", [(None, "通信周刊6月1日消息", "三家运营商将")]),
        ("据央视新闻8月9日消息，携号转网将在全国推行。", [(None, "央视新闻8月9日消息", "携号转网将在")]),
    ],
)
def test_a_dated_report_is_no_dateline(text, expected):
    assert heads(text) == expected


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


@pytest.mark.parametrize(
    "text, expected",
    [
        # frames the lexicon lacked: a sum worked out for the reporter, an estimate, a company's leadership
        ("远航通信董事长孟立给记者算了一笔账，每张卡每月要亏五块钱。", [("孟立", None, "每张卡每月要")]),
        ("据中国信通院测算，转售用户明年将超过一亿户。", [(None, "中国信通院测算", "转售用户明年")]),
        ("爱施德管理层称，转售业务仍处于投入期。", [(None, "爱施德管理层", "转售业务仍处")]),
    ],
)
def test_frames_of_reported_speech(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, desc",
    [
        ("“这行越来越难做了。”一位做了十年代理的店主直言。", "做了十年代理的店主"),
        ("一名在营业厅干了三年的店员透露，170号卡几乎没人买。", "在营业厅干了三年的店员"),
        ("“我们只赚吆喝不赚钱。”某位刚退出转售业务的老板感叹。", "刚退出转售业务的老板"),
    ],
)
def test_a_person_described_but_not_named_is_an_anonymous_source(text, desc):
    [(speaker, speaker_desc, _)] = heads(text)
    assert (speaker, speaker_desc) == (None, desc)


@pytest.mark.parametrize(
    "text",
    [
        "对于上述传闻，中国电信表示不予置评。",
        "蜗牛移动总裁陈平不愿透露具体的用户数量。",
        "截至发稿，京东方面并未就此回应。",
        # a reply never received: the questions quoted before are nobody's statement
        "“何时能退费？”等用户诉求迟迟得不到回应。",
        "“能否携号转网？”不少用户的疑问至今得不到答复。",
        "再往后看，“收不到短信”、“不能转网”等一系列用户反馈都得不到回应。",
    ],
)
def test_negated_or_refused_speech_is_no_statement(text):
    assert said(text) == []


@pytest.mark.parametrize(
    "text, desc, about",
    [
        ("中国移动、中国联通联合宣布，将共建共享物联网平台。", "中国移动、中国联通", ["中国移动", "中国联通"]),
        ("京东和国美共同表示，双方将在线下渠道上合作。", "京东和国美", ["京东", "国美"]),
        ("阿里巴巴与苏宁均称，目前没有收购计划。", "阿里巴巴与苏宁", ["阿里巴巴", "苏宁"]),
        # a group word after the list
        (
            "小米移动、蜗牛移动等多家虚商也表示，正在洽谈5G转售。",
            "小米移动、蜗牛移动等多家虚商",
            ["小米移动", "蜗牛移动"],
        ),
        ("京东和国美等企业均表示，将加大渠道投入。", "京东和国美等企业", ["京东", "国美"]),
    ],
)
def test_organisations_speaking_together_make_one_statement(text, desc, about):
    [s] = extract(Article(doc="t", text=text)).statements
    assert (s.speaker, s.speaker_desc, s.about) == (None, desc, about)


@pytest.mark.parametrize(
    "text, head, item",
    [
        ("工信部提出三点要求：一是落实实名登记；二是中国联通要加强监测。", "一是落实实名登记", "中国联通要加强监测"),
        ("会议提出了两项任务：一是推进携号转网，二是提速降费。", "一是推进携号转网", "二是提速降费"),
        ("国资委提出三点意见：\n一是深化混改；\n二是中国电信要做好试点。", "三点意见", "中国电信要做好试点"),
    ],
)
def test_a_counted_header_introduces_the_items_that_were_said(text, head, item):
    [s] = extract(Article(doc="t", text=text)).statements
    assert s.text.startswith(head) and s.text.endswith(item)


@pytest.mark.parametrize(
    "text, expected",
    [
        # indirect speech before its speaker, the cue ending the sentence
        ("明年资费还会下降，远航通信总经理孟立表示。", [("孟立", None, "明年资费还会")]),
        ("转售业务已经连续两年亏损，一位业内人士说。", [(None, "业内人士", "转售业务已经")]),
        # the journalist's framing before it is not what was said
        ("针对中国联通的调价，批发价仍有下调空间，孟立认为。", [("孟立", None, "批发价仍有下")]),
        # an adverbial alone is no content
        ("在昨天的发布会上，远航通信总经理孟立表示。", []),
    ],
)
def test_indirect_speech_before_its_cue(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, answers",
    [
        # a name alone on its line: the next line is the answer
        ("记者：明年有什么计划？\n孟立：\n我们会推出物联网卡。", [("孟立", "我们会推出物联网卡")]),
        # each answer under its repeated label, over its paragraphs up to the next turn
        (
            "问：资费还会降吗？\n孟立：\n资费还会降。\n降幅在一成左右。\n问：门店呢？\n孟立：\n明年再开五十家。",
            [("孟立", "资费还会降。\n降幅在一成左右"), ("孟立", "明年再开五十家")],
        ),
        # an ASCII colon, the label's person introduced before
        ("本报专访了远航通信总经理孟立。\n孟立:\n转售业务今年能盈利。", [("孟立", "转售业务今年能盈利")]),
    ],
)
def test_a_label_alone_on_its_line_gives_the_next_line_to_its_speaker(text, answers):
    assert [(s[0], s[3]) for s in said(text)] == answers


@pytest.mark.parametrize(
    "text, desc",
    [
        ("联想集团旗下的虚拟运营商联想懂的通信对外披露，物联网连接数已突破三百万。", "联想懂的通信"),
        ("京东下属的京东通信宣布，将推出新的流量卡。", "京东通信"),
        ("苏宁控股子公司苏宁互联表示，转售业务仍在亏损。", "苏宁互联"),
    ],
)
def test_an_organisation_owned_by_the_one_before_it_is_the_speaker(text, desc):
    [(speaker, speaker_desc, _)] = heads(text)
    assert (speaker, speaker_desc) == (None, desc)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a cue ending its line: what was said is the next line
        ("远航通信总经理孟立在发布会上表示：\n“今年将推出5G套餐。”", [("孟立", "表示", "“今年将推出5G套餐。”")]),
        ("孟立对记者说：\n转售业务明年能盈利。", [("孟立", "说", "转售业务明年能盈利")]),
        ("蜗牛移动在声明中强调:\n从未出售用户信息。", [(None, "强调", "从未出售用户信息")]),
        # frames and verbs the lexicon lacked
        ("明年资费还会继续下降，远航通信总经理孟立如是说。", [("孟立", "如是说", "明年资费还会继续下降")]),
        ("孟立坚信，转售业务终会盈利。", [("孟立", "坚信", "转售业务终会盈利")]),
        ("孟立放言，三年内用户将破千万。", [("孟立", "放言", "三年内用户将破千万")]),
    ],
)
def test_cues_ending_a_line_and_new_verbs(text, expected):
    assert [(s[0], s[2], s[3]) for s in said(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a rule's conditional clause
        "用户提出携号转网申请后，运营商应在两个工作日内办理。",
        "如用户要求退订，运营商不得拒绝。",
        "一旦用户提出投诉，企业须在48小时内答复。",
        # a meeting that only happens
        "大会宣布开幕，工信部副部长孟立出席。",
        "论坛宣布闭幕，与会嘉宾合影留念。",
        "联盟宣布成立，首批成员有十二家。",
    ],
)
def test_conditions_and_ceremonies_are_no_statements(text):
    assert said(text) == []


def test_a_word_that_only_begins_with_a_conditional_is_no_condition():
    assert heads("如今孟立表示，资费还会降。") == [("孟立", None, "资费还会降")]


@pytest.mark.parametrize(
    "text, desc",
    [
        ("熟悉该项目的人士透露，合作协议已经签署。", "熟悉该项目的人士"),
        ("一位知情者称，监管部门正在调查此事。", "知情者"),
        ("有代理商表示，170号卡几乎卖不动了。", "代理商"),
    ],
)
def test_more_anonymous_sources(text, desc):
    [(speaker, speaker_desc, _)] = heads(text)
    assert (speaker, speaker_desc) == (None, desc)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the cue frames issue 31 lists, each in a sentence of its own
        ("蜗牛移动总经理马海涛直言，转售业务很难盈利。", [("马海涛", None, "转售业务很难")]),
        ("蜗牛移动总经理马海涛坦承，去年的用户增长不及预期。", [("马海涛", None, "去年的用户增")]),
        ("不少用户吐槽，客服电话很难打通。", [(None, "不少用户", "客服电话很难")]),
        ("分析师周立群给记者算了一笔账，每张卡每月要亏五元。", [("周立群", None, "每张卡每月要")]),
        ("分析师周立群进一步指出：虚商必须找到差异化的方向。", [("周立群", None, "虚商必须找到")]),
        ("有说法称，阿里通信将退出转售业务。", [(None, "说法", "阿里通信将退")]),
        ("外界猜测，苏宁互联可能被出售。", [(None, "外界", "苏宁互联可能")]),
        ("工信部规划提出，到2025年建成更多5G基站。", [(None, "工信部规划", "到2025年")]),
        ("据中国信通院测算，虚商用户将超过一亿。", [(None, "中国信通院测算", "虚商用户将超")]),
        ("中国移动管理层称，今年资本开支将下降。", [(None, "中国移动管理层", "今年资本开支")]),
        ("分析师周立群告诉记者，虚商洗牌已经开始。", [("周立群", None, "虚商洗牌已经")]),
        # cues added in round 2
        ("分析师周立群分析，资费下降是大势所趋。", [("周立群", None, "资费下降是大")]),
        ("蜗牛移动总经理马海涛告诫，代理商不得违规开卡。", [("马海涛", None, "代理商不得违")]),
        ("蜗牛移动总经理马海涛确认，公司已收到通知。", [("马海涛", None, "公司已收到通")]),
        ("蜗牛移动总经理马海涛直言不讳：“转售业务不赚钱。”", [("马海涛", None, "转售业务不赚")]),
        # 分析 naming only its topic says nothing
        ("分析师周立群分析了转售业务的发展情况。", []),
    ],
)
def test_cue_frames_of_business_news(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 讲到 after a quotation or before a clause, as 谈到; 爆料 as 透露
        ("“虚商要走差异化道路。”李明讲到。", [("李明", None, "虚商要走差异")]),
        ("远特通信副总裁王刚在会上讲到，今年的资费还会下降。", [("王刚", None, "今年的资费还")]),
        ("有网友在论坛爆料，该公司已经停止放号。", [(None, "有网友在论坛", "该公司已经停")]),
        ("“套餐明天就下线。”一位内部员工爆料。", [(None, "内部员工", "套餐明天就下")]),
        ("据一位代理商爆料，部分门店已经三个月没有进货。", [(None, "代理商", "部分门店已经")]),
        # a topic after 讲到 says nothing
        ("他讲到的问题很重要。", []),
    ],
)
def test_spoken_and_disclosing_cues(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 按照/据X的说法: the person or anonymous source whose account it is speaks
        ("据王磊的说法，公司明年将推出5G套餐。", [("王磊", None, "公司明年将推")]),
        ("按照工信部有关人士在启动仪式上的说法，携号转网的规则已经完备。", [(None, "有关人士", "携号转网的规")]),
        ("按照知情人士的说法，这家虚商的用户已经流失过半。", [(None, "知情人士", "这家虚商的用")]),
        # 根据X的报道/消息: the report, or the source who gave it, speaks; 根据X公告 opens data, not speech
        ("根据《通信周刊》的报道，转售业务正式牌照有望于年内发放。", [(None, "《通信周刊》的报道", "转售业务正式")]),
        ("根据接近运营商的人士提供的消息，批发价格将下调两成。", [(None, "接近运营商的人士", "批发价格将下")]),
        ("根据王磊的说法，虚商明年将迎来洗牌。", [("王磊", None, "虚商明年将迎")]),
        ("根据中国联通公告，公司上半年营收增长5%。", []),
        # a journalist's report is the outlet's
        ("据新华社记者张伟报道，首批牌照已经发放。", [(None, "新华社记者张伟报道", "首批牌照已经")]),
        # 正如X所说: the source likened to speaks what follows
        ("正如电信专家付亮所分析的，携号转网能推动运营商优化套餐。", [("付亮", None, "携号转网能推")]),
        ("诚如业内人士所言，价格战已经难以为继。", [(None, "业内人士", "价格战已经难")]),
        ("正如工信部在通告中所强调的，转售企业必须落实实名制。", [(None, "工信部", "转售企业必须")]),
        # a text likened to is no source
        ("正如前文所述，虚商的用户在下降。", []),
    ],
)
def test_accounts_and_likened_sources(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a disclosure about oneself, a cry, an authority's warning
        ("有用户在论坛自曝，自己的号码被停机三天。", [(None, "有用户在论坛", "自己的号码被")]),
        ("一位营业员自曝，门店每月都有开卡指标。", [(None, "营业员", "门店每月都有")]),
        ("不少代理商疾呼，批发价必须下调。", [(None, "代理商", "批发价必须下")]),
        ("有人高喊“资费再降一半”。", [(None, "人", "资费再降一半")]),
        ("工信部多次发出警示，陌生来电务必提高警惕。", [(None, "工信部", "陌生来电务必")]),
        # 有人 and 有消息 after a time word are sources nobody is named for
        ("有人认为，资费还会下降。", [(None, "人", "资费还会下降")]),
        ("随后有消息称，该公司将被收购。", [(None, "消息", "该公司将被收")]),
        ("此前有分析认为，转售业务很难盈利。", [(None, "分析", "转售业务很难")]),
    ],
)
def test_cries_disclosures_and_sources_after_a_time_word(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an announcement ahead and an estimate
        ("蜗牛移动总经理马海涛预告，下月将推出新套餐。", [("马海涛", None, "下月将推出新")]),
        ("工信部预告，明年将发放正式牌照。", [(None, "工信部", "明年将发放正")]),
        ("分析师周立群预估，虚商用户年底将超过一亿。", [("周立群", None, "虚商用户年底")]),
        ("蜗牛移动总经理马海涛并预估明年的用户将翻一番。", [("马海涛", None, "明年的用户将")]),
    ],
)
def test_announcements_ahead_and_estimates(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 关于……的猜测/声音/报道: the noun attributes what 关于 opens to the source before it
        ("外界关于中国联通将出售转售业务的猜测一直不断。", [(None, "外界", "中国联通将出")]),
        ("业界很快传出关于小米移动将退出市场的声音。", [(None, "业界", "小米移动将退")]),
        ("此前媒体关于中国广电将与中国移动共建网络的报道得到证实。", [(None, "媒体", "中国广电将与")]),
        # in the journalist's framing, or with no source, it is only a topic
        ("针对外界关于公司将大规模裁员的传闻，中国联通回应称，公司经营正常。", [(None, "中国联通", "公司经营正常")]),
        ("关于携号转网的说法，工信部表示规则已经完备。", [(None, "工信部", "规则已经完备")]),
    ],
)
def test_what_a_source_s_guess_or_report_is_about(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # “……”X证实了传言: the quotation before is what was confirmed
        (
            "“公司已经停止放号。”远特通信相关负责人向记者证实了这一消息。",
            [(None, "远特通信相关负责人", "公司已经停止")],
        ),
        ("“明年将推出5G套餐。”蜗牛移动总经理马海涛确认了这一说法。", [("马海涛", None, "明年将推出5")]),
        ("“用户数已过千万。”中国联通方面证实了传言，但没有透露具体数字。", [(None, "中国联通", "用户数已过千")]),
        # with nothing before, nothing was said
        ("中国联通证实了传言。", []),
    ],
)
def test_a_confirmation_of_a_rumour_confirms_the_quotation_before(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, desc",
    [
        # 向记者 (to the reporter) is no Mr 向 the reporter
        ("远特通信相关负责人向记者透露，公司已经停止放号。", "远特通信相关负责人"),
        ("一位代理商向记者坦言，170号卡几乎卖不动了。", "代理商"),
        ("工信部有关负责人向记者介绍，新规将于下月实施。", "工信部有关负责人"),
    ],
)
def test_to_the_reporter_is_no_person(text, desc):
    [(speaker, speaker_desc, _)] = heads(text)
    assert (speaker, speaker_desc) == (None, desc)


@pytest.mark.parametrize(
    "text, expected",
    [
        # 据X的通知，…: the notice introduces what it says, as 据X消息
        (
            "据工信部近日下发的通知，转售企业须在年底前完成实名补登记。",
            [(None, "工信部近日下发的通知", "转售企业须在")],
        ),
        ("据中国联通3日发出的通知，170号卡暂停销售。", [(None, "中国联通3日发出的通知", "170号卡暂")]),
        ("据通信管理局的通知，未实名的用户将被限制通话。", [(None, "通信管理局的通知", "未实名的用户")]),
    ],
)
def test_a_notice_introduces_what_it_says(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an outlet (with its programme) reporting opens what it reports, as 据新华社报道
        ("新华社报道，工信部将发放首批5G牌照。", [(None, "新华社", "工信部将发放")]),
        ("央视《新闻联播》报道，携号转网将在全国推行。", [(None, "央视《新闻联播》", "携号转网将在")]),
        ("人民日报报道，三家运营商将取消流量漫游费。", [(None, "人民日报", "三家运营商将")]),
        # someone speaking inside the report speaks; a journalist's report opens nothing
        ("新华社报道，工信部副部长陈肇雄表示，首批牌照年内发放。", [("陈肇雄", None, "首批牌照年内")]),
        ("记者李明报道，工信部将发放首批5G牌照。", []),
    ],
)
def test_an_outlet_s_report_opening_its_sentence(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clause of manner between the speaker and the cue
        ("远特通信总经理孟立在发布会上，用调侃的口吻宣布：公司将免费送卡。", [("孟立", None, "公司将免费送")]),
        ("孟立在微信群里，以自嘲的方式透露，公司已经停止放号。", [("孟立", None, "公司已经停止")]),
        ("孟立在致辞中，通过一组数据介绍，虚商用户已超过五千万。", [("孟立", None, "虚商用户已超")]),
    ],
)
def test_a_clause_of_manner_stands_between_speaker_and_cue(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a conjunction before 据/根据 still opens a report
        ("而根据知情人士提供的消息，工信部已将牌照发放工作申报国务院。", [(None, "知情人士", "工信部已将牌")]),
        ("另据新华社报道，三家运营商将取消流量漫游费。", [(None, "新华社报道", "三家运营商将")]),
        ("此外，据《通信周刊》报道，首批牌照已经发放。", [(None, "《通信周刊》报道", "首批牌照已经")]),
    ],
)
def test_a_report_after_a_conjunction(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a weak verb opening its clause after a clause about an unnamed group: the journalist's forecast
        "转售用户占全国移动用户的1.4%，预计明年将翻番。",
        "170号段吸引了大量用户的关注，预计年底将突破千万。",
        "消费者对新套餐反响热烈，预计销量将再创新高。",
    ],
)
def test_a_forecast_after_a_clause_about_a_group_is_not_the_group_s(text):
    assert said(text) == []


def test_a_group_s_own_forecast_is_still_theirs():
    assert heads("有业内人士预计，资费还会降。") == [(None, "业内人士", "资费还会降")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quoted handle after the source's head names the person who speaks
        ("网友“山中客”发帖称，170号码天天打来推销电话。", [("山中客", None, "170号码天")]),
        ("微博网友“小蓝鲸”吐槽，客服电话根本打不通。", [("小蓝鲸", None, "客服电话根本")]),
        ("用户“阿杰”留言说，套餐资费太贵了。", [("阿杰", None, "套餐资费太贵")]),
        # a quotation after the cue is what was said
        ("有网友称“170号段是诈骗专线”。", [(None, "网友", "170号段是")]),
    ],
)
def test_a_handle_names_the_person_who_speaks(text, expected):
    assert heads(text) == expected


def test_a_handle_is_a_person():
    x = extract(Article(doc="t", text="网友“山中客”发帖称，170号码天天打来推销电话。"))
    assert [e.name for e in x.entities if e.label == "PERSON"] == ["山中客"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a person the text names only familiarly, after what describes them
        ("“开局特别红火。”在一家运营商工作的老张直言。", [("老张", None, "开局特别红火")]),
        ("在营业厅工作了五年的小李透露，170号卡几乎卖不动了。", [("小李", None, "170号卡几")]),
        ("做了十年代理的老陈坦言，利润越来越薄。", [("老陈", None, "利润越来越薄")]),
        # a word of that shape is no name
        ("学校的老师表示，学生用卡要实名。", []),
    ],
)
def test_a_familiar_name_after_its_description_speaks(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an organisation's official the text does not name speaks for it
        ("工信部发言人表示，将严查违规开卡。", [(None, "工信部发言人", "将严查违规开")]),
        ("中国联通新闻发言人表示，公司经营一切正常。", [(None, "中国联通新闻发言人", "公司经营一切")]),
        ("蜗牛移动总经理在发布会上透露，用户已超过百万。", [(None, "蜗牛移动总经理", "用户已超过百")]),
        # a named one is the person
        ("中国移动董事长杨杰表示，5G用户已超过3亿。", [("杨杰", None, "5G用户已超")]),
    ],
)
def test_an_organisation_s_unnamed_official_speaks(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an agreement, a contract or a memorandum speaks as a document does
        ("双方签署的协议提到，合作期限为五年。", [(None, "双方签署的协议", "合作期限为五")]),
        ("该协议明确，星海移动将向海川通信支付网络使用费。", [(None, "该协议", "星海移动将向")]),
        ("《战略合作备忘录》指出，两家公司将在物联网领域展开合作。", [(None, "《战略合作备忘录》", "两家公司将在")]),
    ],
)
def test_an_agreement_speaks_as_a_document(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("小米科技对此次合作给予高度评价，称这是行业的里程碑。", [(None, "小米科技", "称", "这是行业的里程碑")]),
        (
            "中国联通对该方案作出积极评价，并表示将于下月在全国推广。",
            [(None, "中国联通", "表示", "将于下月在全国推广")],
        ),
        ("阿里通信对张伟任职期间的工作予以高度评价，并表示衷心感谢。", [(None, "阿里通信", "表示", "衷心感谢")]),
    ],
)
def test_an_appraisal_yields_to_the_cue_that_opens_its_content(text, expected):
    """给予高度评价，并表示…: what follows is the later cue's, the appraisal only frames it."""
    assert said(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 该公司 / 公司 opening the subject: the organisation named last, here or in a sentence before
        ("中国联通昨日发布半年报。该公司表示，上半年用户增长稳定。", [(None, "中国联通", "上半年用户增")]),
        ("蜗牛移动发布了新套餐，新华社作了报道。该公司还透露，用户已突破百万。", [(None, "蜗牛移动", "用户已突破百")]),
        ("分享通信与银行签署协议。公司方面称，协议是双方合作的指导性文件。", [(None, "分享通信", "协议是双方合")]),
        # a head noun after 公司 is its own source; a clause after it is no subject
        ("蜗牛移动发布了新套餐。公司员工表示，加班越来越多。", [(None, "员工", "加班越来越多")]),
        ("蜗牛移动发布了新套餐。公司届时将根据《公司章程》规定，将利润分红。", []),
    ],
)
def test_the_company_named_before_speaks_as_该公司(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a frame of place or occasion, and dates, between 公司 and its cue
        ("分享通信上月暂停放号。公司在回复投资者提问时表示，正在整改。", [(None, "分享通信", "正在整改")]),
        ("蜗牛移动发布了新套餐。该公司昨日也在官网上称，用户数据未泄露。", [(None, "蜗牛移动", "用户数据未泄")]),
        (
            "远特通信股价连日上涨。公司3月2日、3月9日均于互动平台上回复称，经营一切正常。",
            [(None, "远特通信", "经营一切正常")],
        ),
    ],
)
def test_the_company_named_before_speaks_from_a_frame_of_place(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 有报道称: a report nobody is named for is the source, as 有消息称
        ("有报道称，阿里通信将调整小号业务。", [(None, "报道", "阿里通信将调")]),
        ("曾有报导指出，该公司高管遭调查的起因是下属举报。", [(None, "报导", "该公司高管遭")]),
        ("还有报道认为，虚商明年将迎来洗牌。", [(None, "报道", "虚商明年将迎")]),
    ],
)
def test_unnamed_reports(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plan (方案) speaks as a document does; its issuer is no subject of its plans
        ("方案提出，到2025年5G用户普及率达到56%。", [(None, "方案", "到2025年")]),
        ("实施方案要求，各地加强对转售企业的监管。", [(None, "实施方案", "各地加强对转")]),
        ("该方案指出，将引入战略投资者。", [(None, "该方案", "将引入战略投")]),
        # disclosing a plan names only the topic
        ("中国联通披露了混改方案。", []),
    ],
)
def test_a_plan_speaks(text, expected):
    assert heads(text) == expected


def test_a_plan_s_issuer_is_not_the_subject_of_its_plans():
    (s,) = extract(Article(doc="t", text="工信部印发的行动方案明确，到明年底将建成100万个5G基站。")).statements
    assert s.about == []


@pytest.mark.parametrize(
    "text, desc",
    [
        # the document an organisation speaks through, even sent to someone; not one it speaks of
        ("工信部向各转售企业印发了《实施意见》，称已于上月完成第一轮评估。", "工信部意见"),
        ("工信部发布“关于转售业务有关问题”通知指出，转售企业要尽快解决。", "工信部通知"),
        ("中国联通对该方案作出积极评价，并表示已于上月完成试点。", "中国联通"),
        ("小米移动针对这份报告回应称，相关数据并不准确。", "小米移动"),
    ],
)
def test_an_organisation_speaks_through_its_own_document_only(text, desc):
    (s,) = extract(Article(doc="t", text=text)).statements
    assert s.speaker_desc == desc


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国移动董事长王建：“我们不打价格战。”", [("王建", None, "我们不打价格")]),
        ("中国铁塔董事长佟明：「我们注意到一些情况，但影响较小。」", [("佟明", None, "我们注意到一")]),
        ("华为消费者业务CEO余大东:“明年我们会推出更多机型。”", [("余大东", None, "明年我们会推")]),
        # a clause about the person before the colon is no label
        ("王强信心满满：“明年一定盈利。”", []),
    ],
)
def test_a_titled_name_and_a_colon_label_the_quotation_after_them(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "中国移动多次强调发展4G，首席执行官李跃指出，未来会加大投资。",
            [(None, "中国移动", "发展4G"), ("李跃", None, "未来会加大投")],
        ),
        (
            "工信部要求加快提速降费，部长李明强调，今年流量资费要再降20%。",
            [(None, "工信部", "加快提速降费"), ("李明", None, "今年流量资费")],
        ),
        (
            "王飞称资费会降，李明则认为，资费已经到底了。",
            [("王飞", None, "资费会降"), ("李明", None, "资费已经到底")],
        ),
        # reported speech opening the content is nested in it
        ("王飞称，李明认为资费会降。", [("王飞", None, "李明认为资费")]),
    ],
)
def test_a_second_speaker_inside_the_content_speaks_for_themselves(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, desc",
    [
        # people a story meets by their trade, alone or after what describes them
        ("一名在天桥下摆摊的卖家告诉记者，这些卡都不用登记身份证。", "在天桥下摆摊的卖家"),
        ("不少店主透露，过户的号码一周就能拿到。", "店主"),
        ("商贩坦言，每张卡能赚十几元。", "商贩"),
        # one of a group the text just described
        ("随后有三名用户前来咨询，其中一位表示从未收到过停机通知。", "其中一位"),
        ("两人都办过携号转网，其中一人称等了半个月。", "其中一人"),
        # a relative clause before the source: its 接受/与 marks no object
        ("接受本报采访的用户说，他的号码被无故停机了三天。", "用户"),
        ("与记者同行的代理商表示，今年的佣金下调了三成。", "代理商"),
    ],
)
def test_sources_described_by_their_trade_or_group(text, desc):
    [(speaker, speaker_desc, _)] = heads(text)
    assert (speaker, speaker_desc) == (None, desc)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a declaration, a rebuke, an official announcement, a publication that says, a mention
        ("面对价格战，中国电信声言不会跟进降价。", [(None, "中国电信", "不会跟进降价")]),
        ("分享通信董事长周海涛直斥部分代理商违规开卡，扰乱了市场。", [("周海涛", None, "部分代理商违")]),
        ("京东通信昨晚官宣，新套餐将于下月上线。", [(None, "京东通信", "新套餐将于下")]),
        ("京东通信昨日公布称，用户数已突破百万。", [(None, "京东通信", "用户数已突破")]),
        ("分享通信副总裁王磊还提及，公司正在申请新号段。", [("王磊", None, "公司正在申请")]),
        # bare 公布 names what was published
        ("京东通信公布了第三季度财报。", []),
        # a date between 该公司 and its cue
        ("中国联通是基础运营商之一。该公司3月1日表示，将全面配合调查。", [(None, "中国联通", "将全面配合调")]),
        # an account's estimate or judgement opening the sentence
        ("按照赛迪顾问的估计，虚商用户明年将超过一亿。", [(None, "赛迪顾问的估计", "虚商用户明年")]),
        ("据业内人士判断，明年虚商将迎来洗牌。", [(None, "业内人士", "明年虚商将迎")]),
        ("根据分析师的预测，苏宁互联可能被出售。", [(None, "分析师", "苏宁互联可能")]),
    ],
)
def test_declarations_announcements_and_estimates(text, expected):
    assert heads(text) == expected


def test_a_titled_latin_name_speaks_for_themselves():
    assert heads("星联通信副总裁David Chen表示，公司已与20家运营商达成合作。") == [("David Chen", None, "公司已与20")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a negated or refused cue, then 仅/只/但 and a cue of the same speaker: that one speaks
        ("王明没有透露具体的用户数，只表示今年用户增长很快。", [("王明", None, "今年用户增长")]),
        ("张华拒绝透露合作方名单，但表示合作将在年内落地。", [("张华", None, "合作将在年内")]),
        ("李强对收购传闻不予置评，只是称公司经营一切正常。", [("李强", None, "公司经营一切")]),
        ("中国联通并未回应裁员传闻，仅表示业务运转正常。", [(None, "中国联通", "业务运转正常")]),
        # told, not telling; the writer's 可以说
        ("王女士去营业厅办理退订，但被告知必须先缴清欠费。", []),
        ("移动的用户数遥遥领先，但也可以说，凭借原有的用户基础，移动可以不慌。", []),
    ],
)
def test_a_cue_after_a_refusal_and_only_or_but(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the party an inquiry names as its object gives the answer received
        ("记者致电中国联通客服，得到的答复是新套餐暂不支持携号转网。", [(None, "中国联通客服", "新套餐暂不支")]),
        ("本报记者就此向工信部求证，得到的回应是相关政策仍在研究之中。", [(None, "工信部", "相关政策仍在")]),
        ("王先生多次致电客服，收到的答复始终是系统故障。", [(None, "客服", "系统故障")]),
        # no answer, or a refusal, says nothing
        ("记者随后联系了蜗牛移动，但未得到回复。", []),
        ("记者联系了京东通信，得到的回复是不予置评。", []),
    ],
)
def test_the_answer_an_inquiry_received(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # after 进行, a speech verb right after a noun is its object: the directive keeps its cue
        ("工信部要求转售企业对存量用户进行资料核实和信息确认，年底前完成。", [(None, "工信部", "转售企业对存")]),
        ("公告要求持卡用户在月底前进行实名信息确认，逾期将被停机。", [(None, "公告", "持卡用户在月")]),
        ("通知要求各地对新入网用户进行实名信息确认，确保登记信息真实。", [(None, "通知", "各地对新入网")]),
        # a cue after a conjunction stays one
        ("工信部将进行检查并表示，违规企业将被严肃处理。", [(None, "工信部", "违规企业将被")]),
    ],
)
def test_a_speech_verb_as_the_object_of_进行_is_no_cue(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # advice to an audience: the audience is not what was said
        ("江苏移动在公告中劝告用户不要向陌生人透露验证码。", [(None, "江苏移动公告", "用户不要向陌")]),
        ("警方劝告市民，接到自称客服的电话要先核实。", [(None, "警方", "接到自称客服")]),
        ("分享通信客服劝告记者，充值前先确认号码归属。", [(None, "分享通信客服", "充值前先确认")]),
    ],
)
def test_advice_to_an_audience_is_a_cue(text, expected):
    assert heads(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an estimate opening what a reported act of saying said is part of it, the act the cue
        ("蜗牛移动今天宣布预计全年用户突破百万。", [(None, "蜗牛移动", "宣布", "预计全年用户突破百万")]),
        ("中国联通表示，预计明年资本开支下降。", [(None, "中国联通", "表示", "预计明年资本开支下降")]),
        ("远特通信发布公告称预计全年净利润增长三成。", [(None, "远特通信公告", "称", "预计全年净利润增长三成")]),
    ],
)
def test_an_estimate_after_a_reported_act_of_saying_is_what_it_said(text, expected):
    assert said(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 我们 set off at the head of its clause, in a line an organisation labels: the organisation
        (
            "中国联通发布财报。国泰君安:用户增长超预期【2021-03-02】 我们预计公司全年净利润增长10%。",
            [(None, "国泰君安", "公司全年净利")],
        ),
        (
            "蜗牛移动上市。增持——中信证券：物联网业务提速【2022-05-06】 我们认为公司估值仍有提升空间。",
            [(None, "中信证券", "公司估值仍有")],
        ),
        (
            "远特通信发布年报。海通证券：维持买入评级（2020-08-01） 我们判断公司用户渗透率将继续提升。",
            [(None, "海通证券", "公司用户渗透")],
        ),
    ],
)
def test_we_in_a_line_an_organisation_labels_is_that_organisation(text, expected):
    assert heads(text) == expected

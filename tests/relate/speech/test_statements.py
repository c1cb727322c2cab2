"""The speech stage of an article: statements sentence by sentence, with what one leaves the next."""

import pytest
from rules_only import context

from pipeline.records import Speaker
from pipeline.relate.speech.statements import Discourse, attach_quotes, sentence_statements


def test_the_last_speaker_is_handed_to_the_next_sentence():
    ctx = context("苏宁互联副总经理韩磊表示，资费会降。他还说，套餐会更多。")
    first = sentence_statements(ctx.sentences[0], ctx, Discourse(ctx.known_persons))
    assert first.discourse.last_speaker == Speaker("韩磊", None, None)
    second = sentence_statements(ctx.sentences[1], ctx, first.discourse)
    assert [(s.speaker, s.text) for s in second.statements] == [("韩磊", "套餐会更多")]
    alone = sentence_statements(ctx.sentences[1], ctx, Discourse(ctx.known_persons))
    assert alone.statements == []  # without the sentence before, 他 is nobody


def test_a_name_found_as_a_speaker_is_known_to_later_sentences():
    ctx = context("赵健称，资费会降。记者随后联系了赵健。")
    first = sentence_statements(ctx.sentences[0], ctx, Discourse(ctx.known_persons))
    assert "赵健" not in ctx.known_persons and "赵健" in first.discourse.known_persons
    assert [p.name for p in first.persons] == ["赵健"]
    later = sentence_statements(ctx.sentences[1], ctx, first.discourse)
    assert [p.name for p in later.persons] == ["赵健"]


def test_the_interviewee_answers_every_later_question():
    ctx = context("本报记者专访了分享通信董事长周海涛。问：资费会降吗？答：会继续下降。")
    discourse = Discourse(ctx.known_persons)
    found = []
    for sent in ctx.sentences:
        speech = sentence_statements(sent, ctx, discourse)
        discourse = speech.discourse
        found += [(s.speaker, s.cue, s.text) for s in speech.statements]
    assert found == [("周海涛", "答", "会继续下降")]


def test_statements_are_about_the_organisations_they_name_and_the_speakers_own():
    ctx = context("苏宁互联副总经理韩磊表示，该公司将与中国联通合作。")
    [st] = sentence_statements(ctx.sentences[0], ctx, Discourse(ctx.known_persons)).statements
    assert st.about == ["中国联通", "苏宁互联"]


def test_a_whole_quotation_belongs_to_the_speaker_who_opens_the_next_sentence():
    ctx = context("“京东要做一个互联网化的通讯运营商”。京东移动转售事业部总经理闫小波对记者表示，今年用户会翻倍。")
    statements = [
        s for sent in ctx.sentences for s in sentence_statements(sent, ctx, Discourse(ctx.known_persons)).statements
    ]
    attached = attach_quotes(ctx, statements)
    assert [(s.speaker, s.text) for s in attached] == [
        ("闫小波", "京东要做一个互联网化的通讯运营商"),
        ("闫小波", "今年用户会翻倍"),
    ]
    assert len(statements) == 1  # the list handed in is left as it was


def about_of(text):
    ctx = context(text)
    return [
        s.about
        for sent in ctx.sentences
        for s in sentence_statements(sent, ctx, Discourse(ctx.known_persons)).statements
    ]


def test_the_speaking_organisation_is_about_only_where_the_content_refers_to_it():
    # named in the content, as 该公司, or as the subject the content leaves out
    assert about_of("海航通信表示，正研究新的资费方案。") == [["海航通信"]]
    assert about_of("海航通信表示，该公司将继续扩大渠道。") == [["海航通信"]]
    # content about something else: the speaker is not what it is about
    assert about_of("海航通信指出，部分代理商违规销售号卡，影响恶劣。") == [[]]
    assert about_of("海航通信表示，已有20多家代理商加入。") == [[]]  # 已有: existential, no subject left out


def test_a_persons_employer_is_about_where_the_content_leaves_its_subject_out():
    assert about_of("苏宁互联副总经理韩磊表示，下一步将推出物联网套餐。") == [["苏宁互联"]]
    assert about_of("苏宁互联副总经理韩磊表示，行业竞争会更激烈。") == [[]]


def test_one_organisations_spokesman_is_no_group():
    assert about_of("海航通信相关负责人表示，市场仍有空间。") == [[]]
    assert about_of("海航通信相关负责人表示，今年海航通信的用户会翻倍。") == [["海航通信"]]


def test_an_issuer_is_about_its_notice_and_a_unit_speaks_for_its_parent():
    assert about_of("工信部发布通知指出，部分转售企业未落实实名制，应立即整改。") == [["工业和信息化部"]]
    # 我们 of a ministry's department, beside the ministry's name, is the ministry
    assert about_of("工业和信息化部电信管理局局长陈立新表示，工信部不排斥任何方案，决定权不在我们。") == [
        ["工业和信息化部"]
    ]


def test_a_name_inside_another_organisations_name_refers_to_nobody():
    # 工信部 inside its bureau's name, 公司 inside a subsidiary's: the speaker's own is not meant
    text = "工信部网站发布消息，工信部信息通信管理局召开了电视电话会议。"
    assert about_of(text) == [["工业和信息化部信息通信管理局"]]


def test_an_organisations_people_speak_for_it_and_are_referred_back_to():
    # the organisation inside the source's description, or before it with a quantifier
    assert about_of("一位不愿具名的中国联通集团人士说，联通与转售企业是一条船上的人。") == [["中国联通"]]
    assert about_of("海航通信一名工作人员称，公司正在全力配合整改。") == [["海航通信"]]
    # 该负责人: the source quoted before, with its organisation
    ctx = context("海航通信相关负责人表示，市场仍有空间。该负责人透露，下一步将扩大渠道。")
    first = sentence_statements(ctx.sentences[0], ctx, Discourse(ctx.known_persons))
    [st] = sentence_statements(ctx.sentences[1], ctx, first.discourse).statements
    assert (st.speaker_desc, st.about) == ("海航通信相关负责人", ["海航通信"])


OPERATORS = "中国移动、中国联通和中国电信上月先后调整了资费。"


@pytest.mark.parametrize(
    "text, about",
    [
        # the group word stands for the three operators the article names
        (OPERATORS + "远航通信总经理孟立表示，三大运营商的批发价仍然偏高。", [["中国移动", "中国联通", "中国电信"]]),
        (OPERATORS + "有业内人士认为，三家基础电信企业的降价空间已经不大。", [["中国移动", "中国联通", "中国电信"]]),
        # the group speaking: its members are the statement's
        (OPERATORS + "三大运营商均表示，将继续提速降费。", [["中国移动", "中国联通", "中国电信"]]),
        # where the article does not name all three, the group word refers to nobody
        ("中国联通上月调整了资费。远航通信总经理孟立表示，三大运营商的批发价仍然偏高。", [[]]),
    ],
)
def test_a_group_word_stands_for_the_operators_the_article_names(text, about):
    assert about_of(text) == about


@pytest.mark.parametrize(
    "text, about",
    [
        # a channel or report lists its issuer for an act it reports with the subject left out
        ("据工业和信息化部网站消息，近日已约谈五家转售企业。", [["工业和信息化部"]]),
        ("工信部网站消息称，于近日向八家企业发放了经营许可。", [["工业和信息化部"]]),
        # a plan's own 将… is no act of its issuer's
        ("工信部规划提出，到2025年将建成更多基站。", [[]]),
        ("工信部网站消息称，下一步将继续推进携号转网。", [[]]),
        # a notice's measure with nobody named to carry it out is the issuer's
        ("工信部发布通知指出，部分号码无法接收验证码，应尽快解决。", [["工业和信息化部"]]),
        ("工信部印发通知要求，不得以任何形式强制用户办理套餐。", [["工业和信息化部"]]),
        ("海航通信发布公告称，将于下月起停止新用户开户。", [["海航通信"]]),
        # a rule for those the notice names is theirs, not its issuer's
        ("工信部发布通知指出，各转售企业须在年底前完成补登记。", [[]]),
        ("江苏省通信管理局发布公告称，用户办理入网手续时应当提供有效身份证件。", [[]]),
        ("海航通信发布公告称，原副总裁王某因涉嫌违纪正接受调查。", [[]]),
    ],
)
def test_a_documents_issuer_is_about_its_acts_and_its_measures(text, about):
    assert about_of(text) == about


@pytest.mark.parametrize(
    "text, about",
    [
        # a brand called by its first two characters is the speaker's own
        ("蜗牛移动总裁陈平表示，蜗牛明年将推出游戏卡。", [["蜗牛移动"]]),
        ("远特通信董事长孟立说，远特的用户超过了五百万。", [["远特通信"]]),
        # unless the stem is a common word of another kind
        ("分享通信董事长孟立表示，乐于分享转售经验。", [[]]),
    ],
)
def test_a_brands_stem_refers_to_the_speakers_own_company(text, about):
    assert about_of(text) == about


@pytest.mark.parametrize(
    "text, about",
    [
        # 其 opening an organisation's statement is the organisation
        ("中国联通披露，其5G用户已超过一亿户。", [["中国联通"]]),
        ("蜗牛移动对外宣布，其游戏卡用户突破百万。", [["蜗牛移动"]]),
        # a person's 其 may be the person's own: no organisation is meant
        ("远航通信总经理孟立表示，其团队正在扩张。", [[]]),
        # 他们 opening an organisation's statement is the organisation too
        ("中国联通回应称，他们已经对涉事门店进行了整改。", [["中国联通"]]),
        ("工信部表示，他们正在研究转售业务正式商用的办法。", [["工业和信息化部"]]),
        ("蜗牛移动客服表示，他们会在三个工作日内退还多扣的话费。", [["蜗牛移动"]]),
        # a person's 他们 are people
        ("远航通信总经理孟立表示，他们都是老员工。", [[]]),
    ],
)
def test_qi_opening_an_organisations_statement_is_that_organisation(text, about):
    assert about_of(text) == about


@pytest.mark.parametrize(
    "text, about",
    [
        # 该公司 in what a source with no organisation of its own said: the organisation named before
        ("蜗牛移动上月暂停了放号。有知情人士透露，该公司正在整改。", [["蜗牛移动"]]),
        ("据悉，京东通信的转售业务已经盈利。一位业内人士说，这家公司的物联网卡卖得很好。", [["京东"]]),
        ("业内人士认为，中国联通的批发价偏高，该公司可能下调。", [["中国联通"]]),
    ],
)
def test_a_demonstrative_refers_to_the_organisation_named_before(text, about):
    assert about_of(text) == about


def test_four_operators_with_the_broadcaster():
    text = "中国移动、中国联通、中国电信和中国广电都已发放5G号码。远航通信总经理孟立表示，四大运营商的批发价差别不大。"
    assert about_of(text) == [["中国移动", "中国联通", "中国电信", "中国广电"]]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("中国信息通信研究院副院长孙立群表示，将迎来新一轮洗牌。", []),
        ("北京邮电大学教授孙立群认为，正处在转型的关键期。", []),
        ("赛迪顾问分析师孙立群指出，已经进入存量竞争阶段。", []),
        # the firm named, or speaking for itself, is still what the content is about
        ("中国信息通信研究院副院长孙立群表示，信通院将发布白皮书。", ["中国信息通信研究院"]),
        ("中国信息通信研究院表示，将于下月发布白皮书。", ["中国信息通信研究院"]),
    ],
)
def test_an_analysts_firm_is_not_the_subject_they_leave_out(text, about):
    assert about_of(text) == [about]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("京东副总裁刘明远表示，很多互联网公司都想进入这个市场。", []),
        ("京东副总裁刘明远表示，其他公司的资费更低。", []),
        ("京东副总裁刘明远表示，几家大公司都在观望。", []),
        # 公司 standing alone, after a date or beside 我们, is the speaker's own
        ("京东副总裁刘明远表示，公司今年会加大投入。", ["京东"]),
        ("京东副总裁刘明远表示，2024年公司的用户翻了一番。", ["京东"]),
        ("京东副总裁刘明远表示，我们公司不会退出。", ["京东"]),
    ],
)
def test_a_company_a_modifier_picks_out_is_not_the_speakers_own(text, about):
    assert about_of(text) == [about]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("京东副总裁刘明远表示，本集团的物流网络覆盖全国。", ["京东"]),
        ("苏宁互联总经理刘明远说，我公司的用户主要在华东。", ["苏宁互联"]),
        ("中国工商银行副行长刘明远表示，我行的信用卡用户增长较快。", ["中国工商银行"]),
        ("中国信息通信研究院副院长刘明远表示，我院的报告对此有详细分析。", ["中国信息通信研究院"]),
        ("京东副总裁刘明远表示，我所在的部门很忙。", []),  # 我|所在: no 我所
    ],
)
def test_an_organisations_word_for_itself_is_the_speakers_own(text, about):
    assert about_of(text) == [about]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("中国电信董事长刘明远表示，集团今年将加大云网融合的投入。", ["中国电信"]),
        ("中国移动首席执行官刘明远在业绩会上指出，相信集团可透过提升服务来应对竞争。", ["中国移动"]),
        ("京东副总裁刘明远说，目前集团在物流上的投入已超过百亿元。", ["京东"]),
        # a group a modifier picks out is some group, not the speaker's own
        ("京东副总裁刘明远说，大型企业集团普遍面临转型压力。", []),
    ],
)
def test_jituan_standing_alone_is_the_speakers_own_company(text, about):
    assert about_of(text) == [about]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("浙江联通总经理刘明远表示，联通今年会加大投入。", ["中国联通"]),
        ("广东移动副总经理刘明远表示，移动的5G用户已超过三千万。", ["中国移动"]),
        ("江苏电信副总经理刘明远表示，电信将继续推进提速降费。", ["中国电信"]),
        # the bare name as a word of another kind (移动互联网, 电信业务) names no company
        ("广东移动副总经理刘明远表示，移动互联网的发展很快。", []),
        ("江苏电信副总经理刘明远表示，电信业务收入稳步增长。", []),
    ],
)
def test_a_branchs_people_calling_their_group_by_its_bare_name_mean_the_parent(text, about):
    assert about_of(text) == [about]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("中国移动副总裁刘明远表示，移动互联网的发展很快。", []),
        ("中国电信副总经理刘明远表示，电信业务收入稳步增长。", []),
        ("中国移动副总裁刘明远表示，移动支付正在改变用户的习惯。", []),
        ("中国联通副总经理刘明远表示，联通今年会加大投入。", ["中国联通"]),
    ],
)
def test_an_operators_bare_name_refers_to_it_only_standing_for_the_company(text, about):
    assert about_of(text) == [about]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # a base operator's bare name standing alone for the operator the article names in full
        ("中国广电发布了年报。中国移动副总裁刘明远表示，中国移动负责建设，广电分担费用。", ["中国移动", "中国广电"]),
        ("中国电信发布了年报。中国联通副总经理刘明远表示，与电信的共建共享节省了投资。", ["中国电信", "中国联通"]),
        ("中国联通发布了年报。中国移动副总裁刘明远表示，联通在政企市场追得很紧。", ["中国联通"]),
        # qualified as a word of kind or part of another name, it names no operator
        ("中国电信发布了年报。中国联通副总经理刘明远表示，要做好电信普遍服务。", ["中国联通"]),
        ("中国电信发布了年报。中国联通副总经理刘明远表示，今年世界电信日的主题是数字化。", []),
        # nor an operator the article does not name in full
        ("中国移动副总裁刘明远表示，联通在政企市场追得很紧。", []),
    ],
)
def test_an_operators_bare_name_stands_for_the_operator_the_article_names(text, about):
    assert about_of(text)[-1] == about


@pytest.mark.parametrize(
    "text, about",
    [
        # 双方: the two organisations last joined by 与/和, in the sentence or the one before
        ("中国电信与华为上月签署了合作协议。孟立表示，双方将在物联网领域深化合作。", [["中国电信", "华为"]]),
        ("海航通信和京东昨日宣布，双方将联合推出新套餐。", [["海航通信", "京东"]]),
        ("中国联通同阿里巴巴签约后，刘芳透露，目前双方正在商谈细节。", [["中国联通", "阿里"]]),
        # with no pair named, 双方 refers to nobody
        ("刘芳透露，目前双方正在商谈细节。", [[]]),
    ],
)
def test_both_parties_are_the_two_organisations_last_joined(text, about):
    assert about_of(text) == about


def said_by(text):
    """(speaker, speaker_desc) of every statement of a text, sentence after sentence."""
    ctx = context(text)
    discourse, found = Discourse(ctx.known_persons), []
    for sent in ctx.sentences:
        speech = sentence_statements(sent, ctx, discourse)
        discourse = speech.discourse
        found += [(s.speaker, s.speaker_desc) for s in speech.statements]
    return found


@pytest.mark.parametrize(
    "text, desc",
    [
        # 人士 referred back (上述, 前述, 该, 这位) is the anonymous source quoted before
        ("“套餐的价格还是太高。”上述人士称。", "人士"),
        ("该人士表示，携号转网能否在全国推开也很关键。", "人士"),
        ("前述人士还透露，明年将再推出两款新卡。", "人士"),
        # a company's middle manager the text does not name
        ("一家计划申请牌照的公司中层告诉记者，批发价并不重要。", "中层"),
        ("一位运营商中层透露，今年还会降价。", "中层"),
        ("前述公司中层表示，“渠道成本仍然很高。”", "中层"),
    ],
)
def test_an_unnamed_source_referred_back_or_by_rank_speaks(text, desc):
    assert said_by(text) == [(None, desc)]


@pytest.mark.parametrize(
    "text, said",
    [
        # a remark between the interviewer's questions
        (
            "李明：资费还会降吗？\n周海涛：资费明年还会再降一些。\n李明：所以明年还会再降。\n"
            "周海涛：对。\n李明：用户怎么看？",
            [("周海涛", "资费明年还会再降一些")],
        ),
        # the interviewer's lead-in before the question
        (
            "王芳：很多企业都在观望转售业务。您怎么看？\n赵刚：我们认为市场空间很大。\n王芳：下一步呢？",
            [("赵刚", "我们认为市场空间很大")],
        ),
        # the interviewer speaks first and last
        (
            "陈静：套餐为什么这么贵？\n刘强：成本还没降下来，我们也在想办法。\n陈静：这个问题大家都很关心。\n"
            "陈静：什么时候能降？\n刘强：今年年底之前。",
            [("刘强", "成本还没降下来，我们也在想办法"), ("刘强", "今年年底之前")],
        ),
    ],
)
def test_the_interviewers_turns_are_no_statements(text, said):
    ctx = context(text)
    discourse, found = Discourse(ctx.known_persons), []
    for sent in ctx.sentences:
        speech = sentence_statements(sent, ctx, discourse)
        discourse = speech.discourse
        found += [(s.speaker, s.text) for s in speech.statements]
    assert found == said


@pytest.mark.parametrize(
    "text, said",
    [
        # a heading with an operator's bare name, the article naming it in full before
        (
            "记者联系了中国移动和中国联通。\n“两问”联通\n1、套餐还会降价吗？\n答：公司正在研究新的资费方案。",
            [(None, "中国联通", "公司正在研究新的资费方案")],
        ),
        # one section per operator, each heading handing the answers on
        (
            "中国电信和中国移动都回复了记者。\n中国电信篇\n问：宽带提速了吗？\n答：今年全面完成光纤改造。\n"
            "中国移动篇\n问：4G何时商用？\n答：年内在重点城市商用。",
            [(None, "中国电信", "今年全面完成光纤改造"), (None, "中国移动", "年内在重点城市商用")],
        ),
        # a person introduced as the interviewee keeps the answers under a heading naming the company
        (
            "本报记者专访了分享通信董事长周海涛。\n分享通信\n问：资费会降吗？\n答：会继续下降。",
            [("周海涛", None, "会继续下降")],
        ),
    ],
)
def test_a_heading_naming_one_organisation_gives_it_the_unnamed_answers(text, said):
    ctx = context(text)
    discourse, found = Discourse(ctx.known_persons), []
    for sent in ctx.sentences:
        speech = sentence_statements(sent, ctx, discourse)
        discourse = speech.discourse
        found += [(s.speaker, s.speaker_desc, s.text) for s in speech.statements]
    assert found == said


@pytest.mark.parametrize(
    "text, desc",
    [
        ("有证券机构分析，虚拟运营商的用户增长将放缓。", "证券机构"),
        ("多家研究机构认为，明年的流量资费还会下降。", "研究机构"),
        ("一些投资机构预计，转售业务今年将实现盈利。", "投资机构"),
        ("此前不少人猜测，新的套餐会在年底推出。", "不少人"),
        ("很多人担心，携号转网之后服务会变差。", "很多人"),
        ("许多人认为，虚拟运营商的资费并不便宜。", "许多人"),
    ],
)
def test_firms_of_the_market_and_counted_people_speak_as_written(text, desc):
    assert said_by(text) == [(None, desc)]


@pytest.mark.parametrize(
    "text, said",
    [
        ("尽管许多人看好转售业务的前景，但目前盈利的企业并不多。", []),
        ("虽然不少人认为资费还会下降，但运营商的成本压力很大。", []),
        ("尽管有业内人士预计用户将翻番，但增速已经放缓。", []),
        ("尽管中国联通表示将继续降价，但用户仍在流失。", [(None, "中国联通")]),
    ],
)
def test_a_crowds_view_the_writer_concedes_is_no_statement(text, said):
    assert said_by(text) == said


@pytest.mark.parametrize(
    "text, desc",
    [
        ("不过有传闻说中国铁塔将引入新的股东。", "传闻"),
        ("此外，还有传闻称中国联通将调整套餐价格。", "传闻"),
        ("随后有传言称某虚拟运营商将退出转售业务。", "传言"),
    ],
)
def test_rumours_are_sources_as_written(text, desc):
    assert said_by(text) == [(None, desc)]


@pytest.mark.parametrize(
    "text, about",
    [
        # a company named after its parent speaks for itself where the content names the parent too
        (
            "中国联通香港上市公司公告称，母公司中国联通正在筹划重大事项，公司股票将停牌。",
            [["中国联通", "中国联通(香港)"]],
        ),
        ("中国联通红筹公司公告称，中国联通的混改方案已获批准，公司将配合实施。", [["中国联通", "中国联通(香港)"]]),
        # a ministry's bureau, beside the ministry's name, is the ministry's
        ("工业和信息化部电信管理局局长陈立新表示，工信部会支持企业，我们也会加强指导。", [["工业和信息化部"]]),
    ],
)
def test_a_company_named_after_its_parent_is_no_unit_of_it(text, about):
    assert about_of(text) == about


@pytest.mark.parametrize(
    "text, about",
    [
        # a regulator's or an exchange's 公司 / 该公司 is the company it oversees, not itself
        ("分享通信收到上交所问询函。上交所要求公司说明用户数大幅下降的原因。", [["分享通信"]]),
        ("江苏省通信管理局约谈了蜗牛移动，并要求该公司立即整改违规行为。", [["蜗牛移动"]]),
        # its spokesman's too; the most-named company, not the unit named last
        (
            "远特通信近期投诉增多。远特通信旗下的代理商被查。证监会新闻发言人张华表示，将督促该公司依法披露。",
            [["远特通信", "中国证券监督管理委员会"]],
        ),
    ],
)
def test_a_supervisors_company_is_the_company_it_oversees(text, about):
    assert about_of(text) == about


@pytest.mark.parametrize(
    "text, about",
    [
        # an analysts' firm's 公司 / 该公司 is the company it covers, not itself
        ("中国移动发布年报。中信证券分析师李明表示，该公司派息率有望继续提升。", [["中国移动"]]),
        ("中国电信发布半年报。赛迪研究院认为，公司云业务增速领先。", [["中国电信"]]),
        ("远特通信发布年报。海通证券：维持买入评级（2020-08-01） 我们判断公司用户渗透率将继续提升。", [["远特通信"]]),
    ],
)
def test_an_analysts_company_is_the_company_it_covers(text, about):
    assert about_of(text) == about


@pytest.mark.parametrize(
    "text, desc",
    [
        # 研报 is a document that speaks for the firm before it, 报称 glued by jieba or not
        ("中信证券发布研报称，中国移动的派息率有望继续提升。", "中信证券研报"),
        ("某机构研报指出，运营商明年的资本开支将下降。", "某机构研报"),
        ("国泰君安最新研报认为，虚拟运营商的用户增速正在放缓。", "国泰君安研报"),
    ],
)
def test_a_research_note_speaks_for_the_firm_that_wrote_it(text, desc):
    assert said_by(text) == [(None, desc)]

"""Cues: speech verbs on word boundaries, outside quotations and asides (invented people)."""

import pytest

from pipeline.relate.speech.cues import cues, followed_by_cue


def verbs(text):
    return [(text[s:e], verb) for s, e, verb in cues(text, ())]


def test_a_verb_with_its_tail_is_one_cue():
    # the 说 is a cue of its own too; attribution skips it, as what 解释说 says covers it
    assert verbs("王帅解释说，资费会降。")[0] == ("解释说", "解释")


def test_no_cue_inside_a_quotation_or_an_aside():
    assert verbs("“我们表示欢迎。”") == []
    assert verbs("蜗牛移动（此前透露过）发布新品") == []


def test_a_verb_running_on_into_a_later_cue_is_not_the_cue():
    text = "他在回复邮件中表示，资费会降。"
    found = cues(text, ())
    at = text.index("回复")
    assert followed_by_cue(text, (at, at + 2, "回复"), found) is True
    assert followed_by_cue(text, (at, text.index("，"), "回复"), found) is False


@pytest.mark.parametrize(
    "text", ["蜗牛移动今天宣布预计全年用户突破百万。", "分享通信称预计上半年亏损收窄。", "远特通信透露预计年底开通5G。"]
)
def test_a_reported_act_of_saying_right_before_an_estimate_is_the_cue(text):
    found = cues(text, ())
    assert not followed_by_cue(text, found[0], found[1:])


def test_an_unnamed_source_is_split_off_its_verb_after_you():
    text = "有分析认为，混改会引入新股东。"
    assert verbs(text) == [("认为", "认为")]
    assert verbs("业内人士分析认为，价格会降。") == [("分析认为", "分析认为")]


def test_a_particle_after_the_verb_blocks_it_but_not_a_word_it_begins():
    assert verbs("他提到中移动正在洽谈收购。") == [("提到", "提到")]
    assert verbs("蜗牛移动展示了此前透露的游戏手机。") == []


@pytest.mark.parametrize(
    "text, cue",
    [
        ("和记电讯行政总裁陈志伟指，今年资费不会再降。", [("指", "指")]),
        ("该行又指：下半年的盈利会回升。", [("指", "指")]),
        ("他亦指,明年会在深圳增设门店。", [("指", "指")]),
        # a bare 指 elsewhere points or defines
        ("虚拟运营商是指向基础运营商租用网络的企业。", []),
        ("手机号指向的用户已经注销。", []),
        ("这里的友商指的是华为。", []),
    ],
)
def test_a_bare_zhi_is_a_cue_only_before_a_comma_or_colon(text, cue):
    assert verbs(text) == cue


@pytest.mark.parametrize(
    "text",
    [
        "小米手机销量远超预期，出货量突破1000万台。",
        "中国联通5G用户增长低于预期，全年新增仅800万户。",
        "蜗牛移动的用户规模不及预期，公司已缩减团队。",
        "中国电信的宽带收入好于预期，同比增长8%。",
        "中国联通的整改符合要求，工信部已予以验收。",
    ],
)
def test_a_result_measured_against_an_expectation_or_a_rule_is_no_cue(text):
    assert verbs(text) == []


def test_an_expectation_of_ones_own_stays_a_cue():
    assert verbs("王飞预期明年收入会增长。") == [("预期", "预期")]


@pytest.mark.parametrize(
    "text",
    [
        # a rule or a remark named after a determiner
        "星联通信应按照相关规定，尽快完成整改。",
        "各企业须根据有关要求落实实名登记。",
        "受上述表态影响，公司股价当日上涨。",
        # a filing ahead, a date named after the act
        "公司股东发布了减持预披露公告。",
        "截至公告披露日，双方尚未签署正式协议。",
        "本次分红的股权登记日为公布日后第五个交易日。",
        # the end of a document's title, an item of a list
        "依据《移动通信转售业务管理规定》，省局对该企业作出处罚。",
        "用户可通过短信回复、拨打客服热线等方式办理。",
        "现场设有咨询、投诉回复、业务办理三个窗口。",
    ],
)
def test_a_speech_verb_used_as_a_noun_is_no_cue(text):
    assert verbs(text) == []


def test_a_directive_with_a_rule_named_in_its_content_keeps_its_cue():
    text = "上交所要求华信科技依照有关规定，补充说明毛利率下滑的原因。"
    assert verbs(text)[0] == ("要求", "要求")

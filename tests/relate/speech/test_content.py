"""Content: what was said after the cue, or the quotation that opens the speaker's clause."""

from pipeline.relate.speech.content import (
    content,
    elided_subject,
    issuers_measure,
    issuing_act,
    leading_quote,
    list_header,
    names_topic,
    opens_content,
    preceding,
)


def said_after(text, cue):
    s, e = content(text, text.index(cue) + len(cue))
    return text[s:e]


def test_the_rest_of_the_sentence_without_an_addressee():
    assert said_after("王帅告诉现代快报记者，资费还会下降。", "告诉") == "资费还会下降"


def test_a_closing_quotation_without_its_marks():
    assert said_after("刘芳说：“虚商必须找到方向。”", "说") == "虚商必须找到方向"


def test_a_quotation_that_opens_the_speakers_clause():
    text = "“我们不做价格战。”孙立平说。"
    s, e = leading_quote(text, 0, text.index("说"))
    assert text[s:e] == "我们不做价格战"
    assert leading_quote("孙立平说：“好。”", 0, 3) is None


def test_a_weak_cue_attributes_only_before_a_clause_or_a_quotation():
    assert opens_content("数据预计，", 4) and opens_content("他认为“", 3)
    assert not opens_content("数据预计增长", 4)


def test_a_content_that_opens_with_its_predicate_has_left_its_subject_out():
    for text in ["正研究新的资费方案", "下一步将加大投入", "2019年已建设开通基站", "自明年1月1日起，将下调批发价"]:
        assert elided_subject(text), text
    for text in ["资费还会下降", "已有20多家企业加入", "目前还没有企业提出申请", "中国联通将扩大合作"]:
        assert not elided_subject(text), text


def test_a_cutoff_date_or_an_immediate_start_frames_the_predicate():
    for text in [
        "截至今年6月底，已在20个城市开通了业务",
        "截至上月底，累计关停违规号码3万个",
        "即日起将暂停受理新用户",
    ]:
        assert elided_subject(text), text
    assert not elided_subject("截至目前，已有20多家企业获得牌照")  # existential: nobody left out


def test_a_date_after_a_preposition_frames_the_predicate():
    for text in ["到2026年会逐步提高派息比率", "至2025年底将建成基站300万个", "到明年将推出新的套餐"]:
        assert elided_subject(text), text
    assert not elided_subject("到2025年5G用户将超过8亿户")  # the date frames a named subject


def test_a_speech_act_that_names_only_its_topic_or_a_report():
    text = "周斌介绍了上半年业务发展情况，并答记者问。"
    assert names_topic(text, text.index("介绍") + 2, "介绍")
    text = "海航通信披露2024年半年度报告。"
    assert names_topic(text, text.index("披露") + 2, "披露")
    text = "周斌介绍，上半年业务发展情况良好。"
    assert not names_topic(text, text.index("介绍") + 2, "介绍")
    text = "周斌表示上半年业务发展情况"
    assert not names_topic(text, text.index("表示") + 2, "表示")


def test_what_was_said_ends_where_narration_or_a_data_attribution_begins():
    assert said_after("海航通信表示，公司加大了投入；数据显示，上半年支出增长两成。", "表示") == "公司加大了投入"
    assert said_after("刘芳说，资费会降，据悉，新套餐下月上线。", "说") == "资费会降"
    assert said_after("刘芳说：“数据显示，用户在增长。”", "说") == "数据显示，用户在增长"


def test_a_comparison_that_opens_the_content_is_a_frame_not_a_predicate():
    for text in [
        "与手机业务相比，物联网客户更看重网络",
        "和去年比较，用户规模翻了一番",
        "同基础运营商相比而言，虚商更灵活",
    ]:
        assert not elided_subject(text), text
    assert elided_subject("与去年相比，将再开五十家门店")
    assert elided_subject("与京东合作推出联名卡")


def test_an_act_announced_as_ones_own_leaves_its_subject_out():
    for text in [
        "推出面向中小企业的物联网套餐",
        "即日起暂停受理新用户的开户申请",
        "成立专门的反诈骗工作小组",
        "年内完成全部基站的改造",
    ]:
        assert elided_subject(text), text
    for text in ["发布会将于下周举行", "完成率已达九成", "开通率仍然偏低", "签署方包括三家银行"]:  # nouns, not acts
        assert not elided_subject(text), text


def test_a_verb_phrase_a_copula_speaks_of_is_a_topic_not_an_act():
    for text in [
        "推出低价套餐是为了吸引年轻用户",
        "完成全网改造，是今年工作的重点",
        "启动转售试点，也是响应政策的号召",
    ]:
        assert not elided_subject(text), text
    assert elided_subject("推出低价套餐，吸引年轻用户")


def test_an_ongoing_negated_or_intended_predicate_leaves_its_subject_out():
    for text in [
        "还在与多家银行洽谈合作",
        "并未参与上述招标活动",
        "暂不考虑上调资费",
        "不再受理新用户开户",
        "有望在年内拿到正式牌照",
    ]:
        assert elided_subject(text), text
    for text in ["不会出现大规模降价", "尚未有企业提出申请"]:  # existential: nobody left out
        assert not elided_subject(text), text


def test_a_notices_measure_is_its_issuers_where_nobody_is_named_to_carry_it_out():
    for text in ["部分号码无法接收验证码，应尽快解决", "不得强制用户办理套餐", "将于下月起停止新用户开户"]:
        assert issuers_measure(text), text
    for text in [
        "各转售企业须在年底前完成补登记",
        "用户办理入网手续时应当提供有效身份证件",
        "原副总裁因涉嫌违纪正接受调查",
    ]:
        assert not issuers_measure(text), text


def test_an_issuing_act_is_done_not_planned():
    assert issuing_act("于近日发放了经营许可") and issuing_act("近日已约谈五家企业")
    assert not issuing_act("2025年将建成更多基站") and not issuing_act("下一步要加强监管")


def test_a_counted_header_before_the_items():
    text = "提出了三点要求：一是落实实名。"
    assert text[list_header(text, 2) :] == "一是落实实名。"
    assert list_header("提出要求：一是落实实名。", 2) == 2


def test_indirect_speech_before_the_speakers_clause_without_its_framing():
    text = "针对调价，在会上，批发价还会下调，孟立说。"
    s, e = preceding(text, 0, text.index("孟立"))
    assert text[s:e] == "批发价还会下调"
    assert preceding("孟立说。", 0, 0) is None


def test_an_opener_counts_only_as_a_word_of_its_own_or_a_predicates_head():
    # 将来 / 将近 (time), 会员 (noun), 正是 (adverb), 于是 (conjunction) only begin with an opener
    for text in [
        "将来虚商会越来越多",
        "将近一半的号码没有实名",
        "会员数量增长很快",
        "正是资费拖累了利润",
        "于是市场开始降温",
    ]:
        assert not elided_subject(text), text
    for text in ["将推出新套餐", "不断完善售后服务", "共享基站资源", "已经上线两款产品"]:
        assert elided_subject(text), text


def test_a_viewpoint_that_opens_the_content_is_a_frame():
    for text in [
        "就目前来看，转售市场仍然不大",
        "从长期来看，资费还会下降",
        "对中小企业来说，门槛太高",
        "一直以来，虚商都在亏损",
    ]:
        assert not elided_subject(text), text
    assert elided_subject("从长远来看，将继续加大投入")


def test_an_opener_before_a_verb_of_being_or_existence_leaves_no_subject_out():
    for text in ["将会出现更多的转售企业", "还将是一个漫长的过程", "未来仍将存在较大的压力", "将取决于用户规模"]:
        assert not elided_subject(text), text
    assert elided_subject("将会推出更多的融合套餐")


def test_an_opener_before_a_quantitys_own_change_leaves_no_actor_out():
    # whose users or prices grow or fall it does not say: an unstated owner is not listed
    for text in ["今年将持续增长", "未来还会进一步下降", "下半年将继续下滑", "明年会回升"]:
        assert not elided_subject(text), text
    assert elided_subject("将持续推进5G网络建设")


def test_the_audience_of_a_warning_or_an_appeal_is_not_what_was_said():
    assert said_after("网警提醒各位市民朋友，一是不要轻信陌生来电。", "提醒") == "一是不要轻信陌生来电"
    assert said_after("中国联通呼吁广大用户：不要购买来路不明的号卡。", "呼吁") == "不要购买来路不明的号卡"
    assert said_after("蜗牛移动提醒消费者，购卡须实名登记。", "提醒") == "购卡须实名登记"
    # a word for users inside what was said stays
    assert said_after("王刚表示，用户，尤其是老年用户，要提高警惕。", "表示") == "用户，尤其是老年用户，要提高警惕"

"""Content: what was said after the cue, or the quotation that opens the speaker's clause."""

from pipeline.relate.speech.content import content, elided_subject, leading_quote, names_topic, opens_content


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

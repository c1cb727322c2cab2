"""Content: what was said after the cue, or the quotation that opens the speaker's clause."""
from pipeline.speech.content import content, leading_quote, opens_content


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

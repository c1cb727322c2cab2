"""Reported speech that runs on past its sentence (invented paragraphs, written for the tests)."""

import pytest
from rules_only import context

from pipeline.relate.speech.continuation import run_on
from pipeline.relate.speech.statements import Discourse, sentence_statements


def statements(text):
    ctx = context(text)
    found, discourse = [], Discourse(ctx.known_persons)
    for sent in ctx.sentences:
        speech = sentence_statements(sent, ctx, discourse)
        discourse = speech.discourse
        found += speech.statements
    return ctx, found


def run_on_of(text):
    ctx, found = statements(text)
    return [(s.text, s.about) for s in run_on(ctx, found)]


@pytest.mark.parametrize(
    "text, said, about",
    [
        # the speech goes on in the next sentences of its paragraph, and what they name counts
        (
            "蜗牛移动总经理孟立告诉记者，标准草案已经完成。每家转售企业都要达标。蜗牛移动早已达标。",
            "标准草案已经完成。每家转售企业都要达标。蜗牛移动早已达标",
            ["蜗牛移动"],
        ),
        (
            "远航通信总经理孟立表示，批发价还会下调。中国联通和中国电信都在和虚商谈新的结算方式。",
            "批发价还会下调。中国联通和中国电信都在和虚商谈新的结算方式",
            ["中国联通", "中国电信"],
        ),
        # an organisation's or an anonymous source's: the text runs on, but what follows is background
        (
            "中国联通表示，公司重视股东回报。基于联通红筹公司的派息决定，董事会建议派发中期股息。",
            "公司重视股东回报。基于联通红筹公司的派息决定，董事会建议派发中期股息",
            ["中国联通"],
        ),
        # a quotation with no cue of its own after a statement is more of it
        (
            "海航通信有关人士表示，此消息属于误传。“目前中国联通正在征求意见。”\n另一段。",
            "此消息属于误传。“目前中国联通正在征求意见。”",
            ["中国联通"],
        ),
        (
            "有知情人士称，方案已经上报。中国电信也在观望。",
            "方案已经上报。中国电信也在观望",
            [],
        ),
    ],
)
def test_speech_runs_on_through_its_paragraph(text, said, about):
    [(text_, about_)] = run_on_of(text)
    assert (text_, about_) == (said, about)


@pytest.mark.parametrize(
    "text",
    [
        # a new paragraph, or a space where a merged page had one
        "孟立表示，资费还会下降。\n中国电信上月已经降价。",
        "孟立表示，资费还会下降。 中国电信上月已经降价。",
        # the journalist's narration, data, or another person
        "孟立表示，资费还会下降。随后，中国电信宣布降价。",
        "孟立表示，资费还会下降。数据显示，中国电信的用户仍在增长。",
        "孟立表示，资费还会下降。中国电信副总经理钱程上月曾到访远航通信。",
    ],
)
def test_speech_stops_where_the_journalist_speaks_again(text):
    assert run_on_of(text) == [("资费还会下降", [])]


def test_speech_runs_on_through_the_items_of_a_list_across_paragraphs():
    text = "工信部提出三点要求：\n一是落实实名登记；\n二是中国联通要加强监测。\n另外，会议通报了检查结果。"
    [(said, about)] = run_on_of(text)
    assert said.endswith("二是中国联通要加强监测") and about == ["中国联通"]


def test_the_sentences_run_into_leave_no_subject_to_the_speaker():
    # 要着眼… in a minister's run-on is the audience's task, not the ministry's act
    [(_, about)] = run_on_of("工信部部长周明指出，5G发展潜力巨大。要着眼长远，务实推进。")
    assert about == []

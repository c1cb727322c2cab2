"""The speech stage of an article: statements sentence by sentence, with what one leaves the next."""
from rules_only import context

from pipeline.records import Speaker
from pipeline.speech.statements import Discourse, attach_quotes, sentence_statements


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
    statements = [s for sent in ctx.sentences
                  for s in sentence_statements(sent, ctx, Discourse(ctx.known_persons)).statements]
    attached = attach_quotes(ctx, statements)
    assert [(s.speaker, s.text) for s in attached] == [
        ("闫小波", "京东要做一个互联网化的通讯运营商"), ("闫小波", "今年用户会翻倍")]
    assert len(statements) == 1  # the list handed in is left as it was

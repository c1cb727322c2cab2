"""The learned second look at cues the rules pass over (invented companies and sentences)."""

from pipeline.relate.speech import learned
from pipeline.relate.speech.source import SentenceContext


def looked_at(text):
    return learned.candidates(SentenceContext(text, [], (), []), [])


def test_a_strong_cue_after_a_source_the_rules_do_not_know_is_a_candidate():
    for text, source in [
        ("星河数科指出，今年资费将下调两成。", "星河数科"),
        ("银杉通信表示，新套餐下月上线。", "银杉通信"),
        ("数科集团透露，号段扩容已获批复。", "数科集团"),
    ]:
        (found,) = looked_at(text)
        assert found.said.speaker.desc == source and found.said.speaker.person is None
        assert text[found.said.start : found.said.end].startswith(("今年", "新套餐", "号段"))
        assert "source=region" in found.features


def test_a_weak_cue_speaks_only_for_a_source_the_rules_know():
    assert looked_at("董事会建议，派发中期股息。") == []
    assert looked_at("星河数科预计，用户将突破百万。") == []


def test_the_words_opening_a_clause_that_no_source_opens_are_no_source():
    assert looked_at("我们表示，资费将下调两成。") == []
    assert looked_at("但也说明，资费仍在下调。") == []


def test_what_the_rules_read_as_no_speech_the_model_is_not_asked():
    assert looked_at("星河数科并未表示，资费是否下调。") == []  # negated
    assert looked_at("星河数科介绍了上半年发展情况。") == []  # a topic, not what was said


def test_the_model_decides_and_the_statements_stay_one_per_stretch():
    text = "星河数科指出，今年资费将下调两成。"
    ctx = SentenceContext(text, [], (), [])
    accept, reject = learned.Model(10.0, 0.5, {}), learned.Model(-10.0, 0.5, {})
    original = learned.model
    try:
        learned.model = lambda: accept
        assert [s.speaker.desc for s in learned.recover(ctx, [])] == ["星河数科"]
        learned.model = lambda: reject
        assert learned.recover(ctx, []) == []
    finally:
        learned.model = original


def test_the_shipped_model_reads():
    m = learned.model()
    assert 0.0 < m.threshold <= 1.0 and 0.0 <= m.probability(("verb=表示",)) <= 1.0

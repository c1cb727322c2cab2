"""Source: who speaks in the clause before a cue (invented people)."""
from pipeline.records import Hit, Speaker
from pipeline.speech.source import SentenceContext, latest_reference, speaker_in


def person(text, name):
    start = text.index(name)
    return Hit(start, start + len(name), "PERSON", name, name)


def test_a_known_person_before_the_cue_speaks():
    text = "王帅在会上表示，资费会降。"
    ctx = SentenceContext(text, [], (person(text, "王帅"),), [])
    assert speaker_in(ctx, 0, text.index("表示")) == (Speaker("王帅", None, None), None)


def test_a_name_found_only_as_a_speaker_is_returned_with_it():
    text = "赵健称，资费会降。"
    ctx = SentenceContext(text, [], (), [])
    speaker, named = speaker_in(ctx, 0, text.index("称"))
    assert speaker == Speaker("赵健", None, None)
    assert named == Hit(0, 2, "PERSON", "赵健", "赵健")
    assert ctx.persons == ()  # the context is not changed


def test_a_pronoun_means_the_last_speaker():
    text = "他表示，资费会降。"
    before = Speaker("王帅", None, None)
    ctx = SentenceContext(text, [], (), [], last_speaker=before)
    assert speaker_in(ctx, 0, text.index("表示")) == (before, None)


def test_the_next_sentences_he_is_the_subject_not_the_object():
    text = "何承志并不同意倪雪的判断。"
    ctx = SentenceContext(text, [], (person(text, "何承志"), person(text, "倪雪")), [])
    assert latest_reference(ctx, []) == Speaker("何承志", None, None)

"""Source: who speaks in the clause before a cue (invented people)."""

from pipeline.records import Hit, Speaker
from pipeline.relate.speech.source import SentenceContext, latest_reference, speaker_in


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


def test_a_meeting_or_a_document_named_by_its_modifiers_speaks():
    for text, desc in [
        ("国务院常务会议日前明确提出，年内发放新牌照。", "国务院常务会议"),
        ("会议要求，各单位压实工作责任。", "会议"),
        ("政府工作报告提出，流量资费年内再降两成。", "政府工作报告"),
    ]:
        end = text.index("，") - 2
        assert speaker_in(SentenceContext(text, [], (), []), 0, end)[0] == Speaker(None, desc, None), text
    # a meeting followed by a long predicate is its subject, not a source: 会议贯彻落实《报告》要求
    text = "会议贯彻落实《工作报告》要求，对推广工作进行了部署。"
    assert speaker_in(SentenceContext(text, [], (), []), 0, text.index("要求"))[0] is None


def test_a_titled_persons_surname_alone_speaks_for_them():
    text = "奚表示，资费会降。"
    ctx = SentenceContext(text, [], (), [], references={"奚董": "奚立新", "奚董事长": "奚立新"})
    assert speaker_in(ctx, 0, 1)[0] == Speaker("奚立新", None, None)
    two = SentenceContext(text, [], (), [], references={"奚董": "奚立新", "奚总": "奚文"})
    assert speaker_in(two, 0, 1)[0] is None  # two people of that surname: nobody


def test_the_he_of_a_body_s_name_marks_no_object():
    for text, name in [
        ("杭州市住房和城乡建设局局长王刚表示，今年将新建保障房一万套。", "王刚"),
        ("某省人力资源和社会保障厅副厅长李明介绍，就业形势总体稳定。", "李明"),
        ("苏州市工业和信息化局局长赵强透露，全市5G基站已超过3万个。", "赵强"),
    ]:
        ctx = SentenceContext(text, [], (person(text, name),), [])
        cue = text.index(name) + len(name)
        assert speaker_in(ctx, 0, cue) == (Speaker(name, None, None), None)
    text = "记者和王刚交流时表示，资费会降。"  # a 和 of its own still marks who was spoken with
    ctx = SentenceContext(text, [], (person(text, "王刚"),), [])
    assert speaker_in(ctx, 0, text.index("表示"))[0] != Speaker("王刚", None, None)


def test_a_public_body_the_gazetteer_lacks_speaks_as_written():
    for text, cue, body in [
        ("据厦门市反诈骗中心披露，诈骗警情持续上升。", "披露", "厦门市反诈骗中心"),
        ("杭州市反诈中心透露，今年已拦截诈骗电话十万个。", "透露", "杭州市反诈中心"),
        ("广州市反诈骗中心提醒，陌生来电要提高警惕。", "提醒", "广州市反诈骗中心"),
    ]:
        ctx = SentenceContext(text, [], (), [])
        assert speaker_in(ctx, 0, text.index(cue)) == (Speaker(None, body, None), None)
    text = "数据中心表示，用户数据安全。"  # no place: a kind of thing, no body
    assert speaker_in(SentenceContext(text, [], (), []), 0, text.index("表示")) == (None, None)


def test_a_source_s_head_inside_an_organisation_s_name_is_none():
    text = "宁波市消费者权益保护委员会提醒，购买手机卡要认准正规渠道。"
    name = "宁波市消费者权益保护委员会"
    org = Hit(0, len(name), "GOVERNMENT", name, name)
    anon = Hit(3, 6, "ANON", "消费者", "消费者")
    ctx = SentenceContext(text, [org], (), [anon])
    assert speaker_in(ctx, 0, text.index("提醒")) == (Speaker(None, name, name), None)

"""Who asks in a transcript of name labels."""

from pipeline.relate.speech.transcript import interviewers


def test_a_label_whose_turns_are_mostly_questions_is_the_interviewer():
    text = "李明：资费还会降吗？\n周海涛：会降。\n李明：所以还会降。\n周海涛：对。您问得好吗？\n李明：用户怎么看？"
    assert interviewers(text) == frozenset({"李明"})


def test_an_answer_ending_on_a_rhetorical_question_makes_no_interviewer():
    assert interviewers("周海涛：资费会降，谁不想要便宜的套餐呢？\n周海涛：用户会更多。") == frozenset()

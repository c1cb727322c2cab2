"""The post-rules of kg extract --lines: missed registered names, the model's memory of companies and kinds."""

from pipeline import ner
from pipeline.language import segment
from pipeline.ner.known import KnownName
from pipeline.recognise.lines_rules import known_company_mentions, known_kinds, registered_names, with_missed
from pipeline.recognise.model import model_hits
from pipeline.recognise.organisations import organisations
from pipeline.records import Hit


def test_a_registered_name_the_model_missed_is_added_in_order():
    text = "记者在日升广安房地产经纪有限公司见到王刚"
    model = model_hits(text, [(18, 20, "PERSON")])
    found = registered_names(organisations(text, segment.boundaries(text)))
    assert [(h.text, h.label) for h in with_missed(model, found)] == [
        ("日升广安房地产经纪有限公司", "COMPANY"),
        ("王刚", "PERSON"),
    ]


def test_the_model_keeps_its_span_and_the_first_candidate_wins():
    text = "在日升广安房地产经纪有限公司"
    model = model_hits(text, [(1, 5, "ORGANIZATION")])
    found = registered_names(organisations(text, segment.boundaries(text)))
    assert with_missed(model, found) == model
    first, second = Hit(1, 5, "COMPANY", "日升广安", "日升广安"), Hit(3, 14, "COMPANY", "x", "x")
    assert with_missed([], [first, second]) == [first]


def test_known_company_mentions_are_whole_words_of_the_models_list(memory):
    memory(
        {
            "暴雪": KnownName(2, {"COMPANY": 2}),
            "育碧": KnownName(1, {"COMPANY": 1}),
            "威廉": KnownName(3, {"COMPANY": 1, "PERSON": 1}),
        }
    )
    text = "暴雪和育碧都说暴雪娃娃，威廉也说"
    found = known_company_mentions(text, frozenset({0, 2, 3, 5, 6, 7, 11, 12, 14}))  # 暴雪娃娃 one word
    # 威廉 is a company one time in three: not known as one
    assert [(h.text, h.start, h.label) for h in found] == [("暴雪", 0, "COMPANY"), ("育碧", 3, "COMPANY")]


def test_a_model_without_the_list_knows_no_companies(tmp_path, monkeypatch):
    (tmp_path / "config.cfg").write_text("", encoding="utf-8")
    monkeypatch.setenv(ner.MODEL_ENV, str(tmp_path))
    assert known_company_mentions("暴雪", frozenset({0, 2})) == []
    hit = Hit(0, 2, "PERSON", "暴雪", "暴雪")
    assert known_kinds([hit]) == [hit]


def test_known_kinds_follow_the_training_text_where_it_outnumbers_the_model(memory):
    memory(
        {
            "立博": KnownName(37, {"COMPANY": 30, "ORGANIZATION": 1}),
            "法新社": KnownName(4, {"BOOK": 3, "ORGANIZATION": 1}),
            "威廉": KnownName(3, {"COMPANY": 1, "PERSON": 1}),
        }
    )
    hits = [
        Hit(0, 2, "ORGANIZATION", "立博", "立博"),
        Hit(3, 6, "ORGANIZATION", "法新社", "法新社"),
        Hit(7, 9, "PERSON", "威廉", "威廉"),
        Hit(10, 12, "PERSON", "王凯", "王凯"),
    ]
    # 立博 a company; 法新社 mostly a book, which kg does not report; 威廉 a tie; 王凯 unknown
    assert known_kinds(hits) == [Hit(0, 2, "COMPANY", "立博", "立博"), hits[2], hits[3]]


def test_a_surface_never_labelled_takes_its_endings_kind(memory):
    memory({f"{place}法院": KnownName(1, {"GOVERNMENT": 1}) for place in "东南西北中上下左右前"})
    court = Hit(0, 8, "LOCATION", "北京市宣武区法院", "北京市宣武区法院")
    person = Hit(9, 11, "PERSON", "李院", "李院")  # a person's name keeps its kind
    assert known_kinds([court, person]) == [Hit(0, 8, "GOVERNMENT", "北京市宣武区法院", "北京市宣武区法院"), person]

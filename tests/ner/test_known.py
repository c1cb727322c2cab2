"""The NER's memory of its training text: what it calls each name, how often the name occurs."""

import pytest

from pipeline.ner import known
from pipeline.ner.known import KnownName

EXAMPLES = [
    ("暴雪发布新作，威廉开出赔率", [(0, 2, "COMPANY"), (7, 9, "COMPANY")]),
    ("暴雪的玩家，威廉说他是球迷，威廉也去了", [(0, 2, "COMPANY"), (6, 8, "PERSON")]),
    ("育碧和x", [(0, 2, "COMPANY"), (3, 4, "COMPANY")]),
]


def test_count_gives_each_surface_its_labels_and_occurrences():
    names = known.count(EXAMPLES)
    assert names == {
        "威廉": KnownName(3, {"COMPANY": 1, "PERSON": 1}),
        "暴雪": KnownName(2, {"COMPANY": 2}),
        "育碧": KnownName(1, {"COMPANY": 1}),
    }  # x is one char


def test_companies_are_those_labelled_so_most_times_they_occur():
    names = known.count(EXAMPLES)
    # 暴雪 labelled 2 of 2 times, 育碧 1 of 1; 威廉 1 of 3 (a first name too)
    assert known.companies(names) == ["暴雪", "育碧"]
    assert known.companies(names, share=0.3) == ["威廉", "暴雪", "育碧"]


@pytest.mark.parametrize(
    "label, expected",
    [
        ("ORGANIZATION", "COMPANY"),  # outnumbered 30 to 1
        ("LOCATION", "COMPANY"),  # never given
        ("COMPANY", "COMPANY"),
    ],
)
def test_kind_is_the_label_given_most_often(label, expected):
    assert KnownName(37, {"COMPANY": 30, "ORGANIZATION": 1}).kind(label) == expected


def test_a_tie_keeps_the_models_kind():
    assert KnownName(3, {"COMPANY": 1, "PERSON": 1}).kind("PERSON") == "PERSON"
    assert KnownName(3, {"COMPANY": 1, "PERSON": 1}).kind("COMPANY") == "COMPANY"


def test_the_file_reads_back_what_was_written(tmp_path):
    names = known.count(EXAMPLES)
    known.write(tmp_path / known.FILE, names)
    assert known.read(tmp_path) == names


def test_a_model_folder_without_the_file_knows_nothing(tmp_path):
    assert known.read(tmp_path) == {}


def test_a_bad_line_names_the_file_and_the_line(tmp_path):
    (tmp_path / known.FILE).write_text("暴雪\t2\tCOMPANY 2\n育碧\tone\tCOMPANY 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"{known.FILE}:2: not 'name<TAB>occurrences<TAB>LABEL n,...'"):
        known.read(tmp_path)


def test_an_ending_decides_a_kind_when_nearly_all_names_with_it_have_that_kind():
    names = {f"{place}法院": KnownName(1, {"GOVERNMENT": 1}) for place in "东南西北中上下左右前"}
    names |= {
        f"{place}中心": KnownName(1, {"LOCATION" if i % 2 else "COMPANY": 1})
        for i, place in enumerate("东南西北中上下左右前")
    }
    kinds = known.ending_kinds(names)
    assert kinds["法院"] == kinds["院"] == "GOVERNMENT"  # 10 of 10
    assert kinds["中心"] is None  # split half and half
    assert "东法院" not in kinds  # one name only
    assert known.ending_kinds(names, min_count=11) == {}


def test_the_longest_known_ending_decides():
    kinds = {"院": "ORGANIZATION", "法院": "GOVERNMENT", "中心": None}
    assert known.ending_kind(kinds, "北京市宣武区法院") == "GOVERNMENT"
    assert known.ending_kind(kinds, "研究院") == "ORGANIZATION"
    assert known.ending_kind(kinds, "研究中心") is None
    assert known.ending_kind(kinds, "法院") == "ORGANIZATION"  # a name is longer than its ending

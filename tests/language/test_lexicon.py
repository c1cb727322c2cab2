"""The lexicon loads, its data is consistent, and it covers the hand-annotated articles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jieba
import pytest
from repo import DATA, SAMPLE, SAMPLE_GOLD

from pipeline.language import grammar, lexicon
from pipeline.recognise.anonymous import anonymous_sources
from pipeline.records import ORG_LABELS

GOLDS = [SAMPLE_GOLD, *sorted((DATA / "articles_gold").glob("*.json"))]
ARTICLES = {p.stem: p for p in [SAMPLE, *sorted((DATA / "articles").glob("*.txt"))]}


@pytest.fixture(scope="module")
def lex() -> lexicon.Lexicon:
    return lexicon.load()


def gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_load_is_cached(lex):
    assert lexicon.load() is lex


def test_every_form_resolves_to_its_own_organisation(lex):
    for org in lex.orgs:
        for form in org.forms:
            assert lex.org(form) is org, form
        for form in org.weak_aliases:
            assert lex.weak_alias_index[form] is org
            assert form not in lex.alias_index


def test_no_form_names_two_organisations(lex):
    forms = [f for org in lex.orgs for f in (*org.forms, *org.weak_aliases)]
    assert len(forms) == len(set(forms)) == len(lex.alias_index) + len(lex.weak_alias_index)


def test_bare_operator_words_are_only_weak(lex):
    for word in ("移动", "联通", "电信"):
        assert lex.org(word) is None
        assert lex.weak_alias_index[word].type == "operator"


def test_licensed_mvnos(lex):
    mvnos = [o for o in lex.orgs if o.mvno]
    assert len(mvnos) == 42  # licences granted in the 2013-2015 pilot batches
    assert all(o.type == "mvno" and o.label == "COMPANY" for o in mvnos)


def test_labels_follow_types(lex):
    expected = {"regulator": "GOVERNMENT", "association": "ORGANIZATION", "research": "ORGANIZATION"}
    for org in lex.orgs:
        assert org.label in ORG_LABELS
        assert org.label == expected.get(org.type, "COMPANY"), org.name


def test_every_organisation_has_a_valid_type_and_label(lex):
    for org in lex.orgs:
        assert org.type in lexicon.ORG_TYPES and org.label in ORG_LABELS, org.name
        assert org.mvno == (org.type == "mvno"), org.name


def test_forms_are_clean_and_distinct_within_an_organisation(lex):
    for org in lex.orgs:
        forms = [*org.forms, *org.weak_aliases]
        assert all(f and f == f.strip() for f in forms), org.name
        assert len(forms) == len(set(forms)), org.name  # the name is not repeated among its aliases


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_gold_titles_end_in_a_known_title(lex, path):
    titles = [r["title"] for p in gold(path)["persons"] for r in p["roles"] if r["title"]]
    for title in titles:  # or a byline's marker (记者)
        assert any(title.endswith(t) for t in [*lex.titles, *grammar.load().person_markers]), title


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_gold_cues_are_speech_verbs(lex, path):
    answers = grammar.load().answer_markers  # 答： in interview transcripts
    for st in gold(path)["statements"]:
        assert st["cue"] in lex.speech_verbs or st["cue"] in answers, st["cue"]


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_gold_people_have_known_surnames(lex, path):
    for person in gold(path)["persons"]:
        name = person["name"]
        assert name[:1] in lex.surnames or name[:2] in lex.surnames, name


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_gold_anonymous_sources_match_a_pattern(lex, path):
    """Unnamed sources that are not an organisation speaking are covered by a pattern."""
    descs = {st["speaker_desc"] for st in gold(path)["statements"] if st["speaker"] is None}
    orgless = [d for d in descs if not any(form in d for form in lex.alias_index)]
    for desc in orgless:
        assert anonymous_sources(desc), desc


def test_titles_longest_first(lex):
    order = lex.titles_by_length
    assert set(order) == lex.titles
    assert all(len(a) >= len(b) for a, b in zip(order, order[1:]))
    assert order.index("执行总裁") < order.index("总裁")
    assert "事业部" not in lex.titles  # a department is read from the text, not listed


def test_speech_verb_flags(lex):
    assert lex.speech_verbs["表示"].strong and lex.speech_verbs["说"].post
    assert not lex.speech_verbs["觉得"].strong
    assert lex.speech_verbs_by_length.index("分析认为") < lex.speech_verbs_by_length.index("认为")


def test_surnames_and_suffixes_are_sane(lex):
    assert len(lex.surnames) >= 300
    assert all(1 <= len(s) <= 2 for s in lex.surnames)
    assert {"欧阳", "司马"} <= lex.surnames and lex.max_surname_len == 2
    assert set(lex.org_suffixes.values()) <= ORG_LABELS
    assert lex.org_suffixes_by_length.index("有限公司") < lex.org_suffixes_by_length.index("公司")
    assert not lex.not_names & lex.surnames


def test_userdict_keeps_gold_mentions_whole(lex):
    lines = list(lex.jieba_userdict_lines())
    assert all(len(line.split(" ")) == 3 and line.split(" ")[2] in {"nt", "title", "v"} for line in lines)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(lines)
    for path in GOLDS:
        article = ARTICLES[path.stem]
        text = article.read_bytes().decode("gb18030" if "_gbk" in path.stem else "utf-8")
        tokens = set(tokenizer.cut(text))
        mentions = {m for org in gold(path)["organizations"] for m in org["mentions"] if lex.org(m)}
        assert mentions <= tokens, (path.stem, mentions - tokens)


def copy_data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(lexicon.DATA_DIR, tmp_path / "data"))


@pytest.mark.parametrize(
    "file, addition, reason",
    [
        (
            "orgs.yaml",
            "- {name: 乐语控股, type: mvno, label: COMPANY, mvno: true, aliases: [乐语]}\n",
            "alias '乐语' is listed for both 乐语通信 and 乐语控股",
        ),
        ("orgs.yaml", "- {name: 某公司, type: bank, label: COMPANY, mvno: false}\n", "type 'bank'"),
        (
            "orgs.yaml",
            "- {name: 某公司, type: company, label: COMPANY, mvno: true}\n",
            "mvno: true goes with type: mvno",
        ),
        ("surnames.txt", "司马相\n", "1-2 characters"),
        ("speech_verbs.txt", "嘀咕 loud\n", "flags"),
        ("speech_verbs.txt", "嘀咕 ju\n", "flags"),  # the 据X frame is read from grammar, not flagged
        ("org_suffixes.txt", "工厂 FACTORY\n", "LABEL"),
        ("titles.txt", "总裁\n", "'总裁' is listed twice"),
    ],
)
def test_bad_data_names_file_and_reason(tmp_path, file, addition, reason):
    data = copy_data(tmp_path)
    with open(data / file, "a", encoding="utf-8") as fh:
        fh.write(addition)
    with pytest.raises(ValueError) as err:
        lexicon.load_from(data)
    assert file in str(err.value) and reason in str(err.value)


@pytest.mark.parametrize("name", ["四川广播电视台", "河北人民广播电台新闻广播", "某某总台文艺之声", "广州日报"])
def test_an_outlet_the_gazetteer_lacks_is_media_by_its_ending(lex, name):
    assert lex.is_media(name)


@pytest.mark.parametrize("name", ["四川移动", "星联通信", "中国电信"])
def test_no_company_is_media(lex, name):
    assert not lex.is_media(name)

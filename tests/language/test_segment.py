"""segment's cuts are jieba's: rjieba's route with jieba's HMM, and jieba's own cut where the route is not
plain, against jieba tokenizers built here the plain way (jieba's dictionary read afresh, the lexicon's
words added), over generated text and every sentence the repo holds (its articles, the NER's training
and dev data)."""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path

import jieba
import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from repo import DATA, ROOT

from pipeline.language import lexicon, segment
from pipeline.read.articles import read_paths
from pipeline.read.clean import sentences
from pipeline.records import Article

ARTICLES = [ROOT / "corpus", *(DATA / d for d in ("articles", "holdout", "holdout2", "graph_articles"))]
DATA = [ROOT / "training" / "data" / "cluener_train.jsonl", ROOT / "training" / "data" / "dev.jsonl"]

# Chars where rjieba and jieba part (non-Han word chars, CJK extensions, spaces), sentence ends, the genre's words
ODD = list("-.%+#&_/@~·—－．％。！？；”）\n\r") + [
    "\x00",
    "\r\n",
    " ",
    "\t",
    "㐀",
    "䶵",
    "鿖",
    "鿿",
    "豈",
    "\U00020000",
    "\U0002a700",
]
PIECES = [
    "NB-IoT",
    "Wi-Fi",
    "3.5%",
    "5G",
    "C++",
    "iPhone",
    "中国联通",
    "虚拟运营商",
    "副总经理",
    "表示",
    "数不对",
    "凑到",
]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(ODD + PIECES),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.text(alphabet="abcXYZ0123456789", min_size=1, max_size=4),
    ),
    max_size=30,
).map("".join)


@cache
def reference() -> tuple[jieba.Tokenizer, jieba.Tokenizer, jieba.posseg.POSTokenizer]:
    """jieba's own dictionary, the domain one, and the domain's tagger, each read afresh."""
    jieba.setLogLevel(logging.WARNING)
    own, domain = jieba.Tokenizer(), jieba.Tokenizer()
    own.initialize()
    domain.initialize()
    for line in lexicon.load().jieba_userdict_lines():
        word, freq, tag = line.split(" ")
        domain.add_word(word, int(freq), tag)
    return own, domain, jieba.posseg.POSTokenizer(domain)


def assert_jieba_cuts(text: str) -> None:
    own, domain, tagger = reference()
    assert segment.cut(text) == segment.words(text) == tuple(domain.tokenize(text))
    assert segment.default().lcut(text) == own.lcut(text)
    assert segment.tagged(text) == posseg_tags(tagger, text)


def posseg_tags(tagger: jieba.posseg.POSTokenizer, text: str) -> list[tuple[str, str, int]]:
    pairs = list(tagger.cut(text))
    starts = [sum(len(p.word) for p in pairs[:i]) for i in range(len(pairs))]
    return [(p.word, p.flag, start) for p, start in zip(pairs, starts)]


@settings(max_examples=300)
@given(TEXT)
def test_cuts_are_jiebas_on_generated_text(text):
    assert_jieba_cuts(text)


def json_texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def article_sentences() -> list[str]:
    articles = [a for a in read_paths([str(p) for p in ARTICLES]) if isinstance(a, Article)]
    return [s.text for a in articles for s in sentences(a)]


def repo_sentences() -> list[str]:
    return [t for path in DATA for t in json_texts(path)] + article_sentences()


def test_words_of_a_whole_article_are_jiebas():
    articles = [a for a in read_paths([str(p) for p in ARTICLES]) if isinstance(a, Article)]
    _, domain, _ = reference()
    for text in [a.text for a in articles] + ["。\r\n。\n\r\n”中国；", "增长3.5%。\nNB-IoT！？”“Wi-Fi"]:
        assert segment.words(text) == tuple(domain.tokenize(text))


def test_cuts_are_jiebas_on_every_sentence_of_the_repo():
    texts = repo_sentences()
    assert len(texts) > 10_000
    own, domain, _ = reference()
    assert [segment.cut(t) for t in texts] == [tuple(domain.tokenize(t)) for t in texts]
    assert [segment.default().lcut(t) for t in texts] == [own.lcut(t) for t in texts]


def test_tags_are_jieba_possegs_on_the_articles_and_dev_sentences():
    texts = json_texts(DATA[1]) + article_sentences()
    assert len(texts) > 1_000
    tagger = reference()[2]
    assert [segment.tagged(t) for t in texts] == [posseg_tags(tagger, t) for t in texts]


@pytest.mark.parametrize(
    "text",
    [
        "NB-IoT与Wi-Fi",  # rjieba: NB-IoT; jieba: NB - IoT
        "我们㐀㐁去北京",  # rjieba reads CJK extension A as Han: 㐀㐁 one word
        "还是鿖不大。",  # ... and 鿖 (U+9FD6): a word of its own, but jieba's 不 大 are rjieba's 不大
        "当我意识到期数不对时",  # a lexicon word jieba knew: the totals must agree
        "凑示示示国",  # two HMM readings equally likely: rjieba's HMM takes 凑示 示示国, jieba's 凑示示 示国
        "表表表表示副总经理",  # two routes equally likely: rjieba's takes 表 表表, jieba's 表表 表
        "CEO说，ab和a1.5%",  # letters a word of the dictionary, or single chars the route leaves
        "",
    ],
)
def test_cuts_are_jiebas_where_rjieba_parts(text):
    assert_jieba_cuts(text)


def test_tags_frequencies_and_dictionary_tags_are_the_domain_jiebas():
    _, domain, tagger = reference()
    text = "中国联通副总裁李明表示，虚拟运营商用户已超过5万户。"
    assert segment.tagged(text) == posseg_tags(tagger, text)
    for word in ["中国联通", "表示", "运营商", "的", "没有这个词"]:
        assert segment.frequency(word) == (domain.FREQ.get(word) or 0)
        assert segment.dictionary_tag(word) == tagger.word_tag_tab.get(word)
    assert segment.default_tags() == jieba.posseg.POSTokenizer(reference()[0]).word_tag_tab

"""Property-based tests (hypothesis) over hostile text: arbitrary Unicode, mixed scripts, control characters,
nested and unbalanced quotation marks, long lines, empty input.

For every article: no exception escapes extraction; every offset slices the article's decoded text to the
surface form it claims (the contract in README.md, "Offsets"); extracting twice gives the same output.
The example counts are modest (profile in conftest.py) so that the suite stays fast.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.read.articles import read_paths
from pipeline.read.clean import normalise
from pipeline.records import Article

# Pieces of the genre, so that the rules fire and produce facts whose offsets can be checked.
PIECES = [
    "苏宁互联",
    "副总经理",
    "王帅",
    "表示",
    "说",
    "指出",
    "认为",
    "中国联通",
    "工信部",
    "虚拟运营商",
    "用户已超过10万",
    "约20万个",
    "56%",
    "三成",
    "签署了合作协议",
    "业内人士",
    "他",
    "该公司",
    "“",
    "”",
    "「",
    "」",
    "『",
    "』",
    '"',
    "'",
    "（",
    "）",
    "(",
    ")",
    "《",
    "》",
    "【",
    "】",
    "，",
    "。",
    "！",
    "？",
    "；",
    "：",
    "、",
    "……",
    "——",
    "\n",
    "\n\n",
    " ",
    "\u3000",
    "\t",
    "ＡＢＣ１２３",
    "Привет",
    "مرحبا",
    "😀",
    "a\u0301",
    "\x00",
    "\x1b[31m",
    "\x0b",
    "\x7f",
    "\ufeff",
    "\u200b",
    "\ufffd",
    "<p>",
    "</p>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "&nbsp;",
    "---\n",
]
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=300),  # arbitrary Unicode (no lone surrogates)
    st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=120).map("".join),  # mixed, quoted
)
LONG_LINE = st.builds(
    lambda piece, n: piece * n, st.sampled_from(["虚拟运营商用户增长", "“王帅表示", "abc "]), st.integers(200, 600)
)


def check(article: Article) -> None:
    first = extract(article)
    text, folded = article.text, normalise(article.text)
    for e in first.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text, (e, m)
    for s in first.statements:
        assert folded[s.start : s.end] == s.text, s
    for f in first.figures:
        assert folded[f.start : f.end] == f.text, f
    for g in first.agreements:
        assert folded[g.start : g.end] == g.text, g
    assert extract(article).to_json() == first.to_json()


@given(TEXT)
def test_any_text_extracts_without_error_with_offsets_that_slice_to_the_surface(text):
    check(Article(doc="t.txt", text=text))


@settings(max_examples=6)
@given(LONG_LINE)
def test_long_lines_extract_without_error(text):
    check(Article(doc="t.txt", text=text))


def test_empty_input():
    check(Article(doc="t.txt", text=""))


@given(st.text(max_size=200))  # lone surrogates included: JSON can spell them
def test_any_json_lines_text_reads_and_extracts(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("jsonl") / "a.jsonl"
    path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    for item in read_paths([str(path)]):
        if isinstance(item, Article):
            item.text.encode("utf-8")
            check(item)

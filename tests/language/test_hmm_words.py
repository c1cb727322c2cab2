"""hmm_words reads single chars as jieba's own HMM does (jieba.finalseg.cut), over generated runs: names,
Han characters of every kind, digits, letters and what lies between."""

from __future__ import annotations

import jieba.finalseg
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.language import hmm_words

RUN = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("王李张欧阳晓明华为的了在说中国移动联通电信副总经理abcXY0123.%　 ，、·")),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    min_size=1,
    max_size=16,
)


@settings(max_examples=1000)
@given(RUN)
def test_reads_a_run_as_jieba_finalseg(run):
    assert hmm_words.cut(run) == list(jieba.finalseg.cut(run))


def test_reads_names_and_their_contexts_as_jieba_finalseg():
    for run in (
        "王帅近日表示",
        "闫晓明说",
        "欧阳晓明",
        "李华为大会致辞",
        "杨杰做报告",
        "蒂姆库克",
        "张三丰",
        "x",
        "表表表表",
    ):
        assert hmm_words.cut(run) == list(jieba.finalseg.cut(run))

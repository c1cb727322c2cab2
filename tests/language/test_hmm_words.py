"""hmm_words reads single chars as jieba's own HMM does (jieba.finalseg.cut), over generated runs: names,
Han characters of every kind, digits, letters and what lies between."""

from __future__ import annotations

import jieba.finalseg
from hypothesis import given, settings
from runs import RUN

from pipeline.language import hmm_words


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

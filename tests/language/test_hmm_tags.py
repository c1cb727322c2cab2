"""hmm_tags reads a run of characters as jieba.posseg's own HMM does (POSTokenizer.__cut_detail), over
generated runs: names, Han characters of every kind, digits, letters and what lies between."""

from __future__ import annotations

import jieba.posseg
from hypothesis import given, settings
from runs import RUN

from pipeline.language import hmm_tags


def jiebas(run: str) -> list[tuple[str, str]]:
    return [(p.word, p.flag) for p in jieba.posseg.dt._POSTokenizer__cut_detail(run)]


@settings(max_examples=500)
@given(RUN)
def test_reads_a_run_as_jieba_posseg(run):
    assert [(p.word, p.flag) for p in hmm_tags.cut_detail(run)] == jiebas(run)


def test_reads_names_and_their_contexts_as_jieba_posseg():
    for run in ("王帅近日表示", "闫晓明说", "欧阳晓明", "李华为大会致辞", "杨杰做报告", "蒂姆库克", "张三丰", "x"):
        assert [(p.word, p.flag) for p in hmm_tags.cut_detail(run)] == jiebas(run)

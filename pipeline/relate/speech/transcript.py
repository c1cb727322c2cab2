"""Who asks in a transcript of name labels (张三：…): the interviewer, whose turns are not statements.
Reads: an article's text. Provides: the labels whose turns are mostly questions.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.recognise.common import CJK

_TURN = re.compile(rf"^[ \t\u3000]*([{CJK}]{{2,4}})[：:]\s*(.*?)\s*$", re.M)
_QUESTION_ENDS = ("？", "?")


@lru_cache(maxsize=4)
def interviewers(text: str) -> frozenset[str]:
    """Labels most of whose turns end in a question: a reporter's turns are questions, with at most an
    echo or a remark between them, while an answer rarely ends on one."""
    turns: Counter[str] = Counter()
    asks: Counter[str] = Counter()
    for m in _TURN.finditer(text):
        turns[m.group(1)] += 1
        asks[m.group(1)] += m.group(2).endswith(_QUESTION_ENDS)
    return frozenset(label for label, n in turns.items() if asks[label] * 2 > n)

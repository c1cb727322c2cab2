"""Anonymous sources: 业内人士, 接近中国联通的人士 (the patterns of data/anonymous_sources.txt).

Reads: a sentence. Provides: anonymous-source Hits.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language import lexicon
from pipeline.records import Hit


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile("|".join(p.pattern for p in lexicon.load().anonymous))


def anonymous_sources(text: str) -> list[Hit]:
    """Each unnamed source the sentence describes, left to right."""
    return [
        Hit(m.start(), m.end(), "ANON", m.group(), m.group()) for m in _pattern().finditer(text) if m.end() > m.start()
    ]

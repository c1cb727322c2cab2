"""Generated runs of characters for checking kg's HMM readers against jieba's own: names, Han characters
of every kind, digits, letters and what lies between."""

from hypothesis import strategies as st

RUN = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("王李张欧阳晓明华为的了在说中国移动联通电信副总经理abcXY0123.%　 ，、·")),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    min_size=1,
    max_size=16,
)

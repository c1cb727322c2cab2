"""Who holds a title no name follows, when an appointment names them: X曾任…, X此前担任…,
X已调任…, 宣布X任…, X接替Y出任…, 王刚，男，1965年出生，曾任…, 任命X为…, 免去X的…职务.

The holder stands before a verb of holding (with adverbs between: 此前, 已; before a verb of
succession when there is one) or after a verb of appointing (with 为/的 before the title);
the verbs are data (data/grammar.yaml).
Reads: a sentence's text, its organisations and the names already cut. Provides: the holder.
"""

from __future__ import annotations

from pipeline.language import grammar, segment
from pipeline.recognise.common import overlaps
from pipeline.recognise.names import NAME_ENDING_FLAGS, name_at, name_ending_at
from pipeline.records import Hit


def appointee(text: str, start: int, persons: list[Hit], orgs: list[Hit]) -> Hit | None:
    """The person an appointment gives the title chain starting at `start`; `persons` are the
    names already cut in the sentence, `orgs` its organisations (no name runs into one); none
    where the sentence reports the appointment as hearsay (有传闻称X将出任…)."""
    if any(cue in text[:start] for cue in grammar.load().hearsay_cues):
        return None
    return _holder(text, start, persons, orgs) or _appointed(text, start, orgs)


def _holder(text: str, start: int, persons: list[Hit], orgs: list[Hit], verbs: tuple[str, ...] = ()) -> Hit | None:
    """X此前担任|: the name before the verb of holding and any adverbs; X接替Y出任|: the name
    before the verb of succession, Y being the one succeeded."""
    g = grammar.load()
    verb = next((v for v in verbs or g.holding_verbs if text.endswith(v, 0, start)), None)
    if verb is None:
        return None
    end = _subject_end(text, start - len(verb))
    named = _name_ending(text, end, persons, orgs) or _bio_subject(text, end)
    if named is None or overlaps(named.start, named.end, orgs):
        return None
    if text.endswith(g.succession_verbs, 0, named.start):
        return _holder(text, named.start, persons, orgs, g.succession_verbs)
    return named


def joiners(text: str, org: Hit, persons: list[Hit], orgs: list[Hit]) -> list[Hit]:
    """王某加盟|星联通信, 甲、乙加入|…, 他曾服务于|…: the people a verb of joining right before an
    organisation ties to it, the name before the verb and the ones listed before it by 、."""
    verb = next((v for v in grammar.load().joining_verbs if text.endswith(v, 0, org.start)), None)
    if verb is None:
        return []
    out: list[Hit] = []
    end = _subject_end(text, org.start - len(verb))
    while (named := _name_ending(text, end, persons, orgs)) is not None:
        out.insert(0, named)
        if not text.endswith("、", 0, named.start):
            break
        end = named.start - 1
    return out


def _subject_end(text: str, end: int) -> int:
    """Where the subject ends before a verb at `end`: before the adverbs (此前, 已) and the
    appellation (简勤同志|任) between them."""
    g = grammar.load()
    while adverb := next((a for a in g.holding_adverbs if text.endswith(a, 0, end)), None):
        end -= len(adverb)
    return end - len(next((a for a in g.holder_appellations if text.endswith(a, 0, end)), ""))


def _name_ending(text: str, end: int, persons: list[Hit], orgs: list[Hit]) -> Hit | None:
    """The name (or pronoun, 他曾任…: context resolves it) ending at `end`, outside organisations:
    one already cut, one opening its clause, or one jieba reads as a name."""
    g = grammar.load()
    pronoun = next((p for p in g.pronouns if text.endswith(p, 0, end)), None)
    named = (
        next((p for p in persons if p.end == end), None)
        or (Hit(end - len(pronoun), end, "PERSON", pronoun, pronoun) if pronoun else None)
        or name_ending_at(text, end)
        or _name_after_sequence(text, end)
        or _read_name(text, end)
    )
    return named if named is not None and not overlaps(named.start, named.end, orgs) else None


def _bio_subject(text: str, end: int) -> Hit | None:
    """王刚，男，1965年出生，|曾任…; 资料显示，宋某毕业于某大学，工学博士，|曾任…: a clause with no
    subject after a comma holds the name that opens an earlier clause of the sentence (the last one)."""
    if not text.endswith(("，", ","), 0, end):
        return None
    starts = [0, *(i + 1 for i, ch in enumerate(text[: end - 1]) if ch in "，,")]
    return next((h for s in reversed(starts) if (h := _clause_name(text, s)) is not None), None)


def _clause_name(text: str, start: int) -> Hit | None:
    """The name opening the clause at `start`: alone before a comma (王刚，男), or read by jieba as one."""
    n = name_at(text, start)
    if not n:
        return None
    name = text[start : start + n]
    word, flag, _ = segment.tagged(text[start : start + n + 4])[0]
    alone = text[start + n : start + n + 1] in ("，", ",")
    return Hit(start, start + n, "PERSON", name, name) if alone or (word == name and flag.startswith("nr")) else None


def _read_name(text: str, end: int) -> Hit | None:
    """宣布李跃|任…: a name after another word, where jieba reads the last word before `end` as one
    (or the last two, a surname alone and the given name: 同意鲁|向东|辞去)."""
    window = max(end - 8, 0)
    words = segment.tagged(text[window:end])
    if not words or not words[-1][1].startswith("nr"):
        return None
    word, _, at = words[-1]
    if len(words) > 1 and len(words[-2][0]) == 1 and words[-2][1][:1] not in NAME_ENDING_FLAGS:
        word, at = words[-2][0] + word, words[-2][2]  # 宣布吴|海涛: jieba cut the surname off the given name
    start = window + at
    return Hit(start, end, "PERSON", word, word) if name_at(text[:end] + "。", start) == len(word) > 1 else None


def _name_after_sequence(text: str, end: int) -> Hit | None:
    """调整后|南新生|任, 重组后|赵刚|出任: a name right after a word of sequence (后, 之后) that
    jieba reads into the name's first character (后南, 后赵)."""
    for k in (3, 2):
        start = end - k
        if text.endswith(grammar.load().sequence_words, 0, start) and name_at(text[:end] + "。", start) == k:
            return Hit(start, end, "PERSON", text[start:end], text[start:end])
    return None


def _appointed(text: str, start: int, orgs: list[Hit]) -> Hit | None:
    """任命X为|, 免去X的|: the name between the verb of appointing and the title chain; 免去其|,
    委任其为|: the pronoun standing for it (context resolves it)."""
    g = grammar.load()
    for link in (*g.appointment_links, ""):
        if not text.endswith(link, 0, start):
            continue
        end = start - len(link)
        pronoun = next((p for p in g.person_pronouns if text.endswith(p, 0, end)), "")
        if pronoun and text.endswith(g.appointing_verbs, 0, end - len(pronoun)):
            return Hit(end - len(pronoun), end, "PERSON", pronoun, pronoun)
        for k in (3, 2, 4):  # the usual length first
            at = end - k
            if any(text.endswith(v, 0, at) for v in g.appointing_verbs) and _is_name(text, at, end, orgs):
                return Hit(at, end, "PERSON", text[at:end], text[at:end])
    return None


def _is_name(text: str, start: int, end: int, orgs: list[Hit]) -> bool:
    return start >= 0 and name_at(text[:end] + "。", start) == end - start and not overlaps(start, end, orgs)


def opening_holder(span: str) -> int:
    """Length of a holder's name and verb of holding that open ``span`` (苏宝合任|山西分公司,
    孙丽出任|…), 0 when none does: where a name runs into an organisation's name, the clause
    before it was read into the organisation."""
    for verb in grammar.load().holding_verbs:
        at = span.find(verb, 2)
        if 0 < at <= 4 and name_at(span[:at] + "。", 0) == at and not _proper_word_over(span, at):
            return at + len(verb)
    return 0


def _proper_word_over(text: str, at: int) -> bool:
    """原华|为: a place's or an organisation's name in jieba (华为) runs over ``at``, so no name ends there."""
    return any(pos < at < pos + len(w) and flag in ("ns", "nt", "nz") for w, flag, pos in segment.tagged(text))

"""Function words the recognisers and the attribution read context from (data/grammar.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .datafiles import load_yaml


@dataclass(frozen=True)
class Grammar:
    name_stops: frozenset[str]
    company_tails: tuple[str, ...]
    org_stop_prefixes: frozenset[str]
    not_orgs: frozenset[str]
    title_short: dict[str, tuple[str, ...]]
    document_nouns: tuple[str, ...]
    subject_lead_words: tuple[str, ...]  # longest first
    pronouns: tuple[str, ...]
    continuation_words: tuple[str, ...]
    not_after_cue: tuple[str, ...]
    agreement_verbs: tuple[str, ...]
    compound_terms: tuple[str, ...]
    legal_tails: tuple[str, ...]  # longest first
    short_name_markers: tuple[str, ...]  # longest first
    org_anaphora: tuple[str, ...]  # longest first
    object_markers: frozenset[str]
    person_object_markers: frozenset[str]
    cue_glue_chars: frozenset[str]
    adverbial_openers: tuple[str, ...]
    person_markers: tuple[str, ...]  # longest first
    question_markers: tuple[str, ...]  # longest first
    answer_markers: tuple[str, ...]  # longest first
    org_side_words: tuple[str, ...]
    not_before_cue: tuple[str, ...]
    addressees: tuple[str, ...]
    honorifics: tuple[str, ...]
    brand_suffixes: tuple[str, ...]  # longest first
    rare_word_freq: int
    unit_suffixes: tuple[str, ...]  # longest first
    branch_suffixes: tuple[str, ...]  # longest first
    title_joiners: tuple[str, ...]
    cue_tails: tuple[str, ...]
    own_company_words: tuple[str, ...]
    generic_subjects: tuple[str, ...]

    def title_short_forms(self, title: str) -> tuple[str, ...]:
        """王总, 蒋董: the short forms of a title, matched on its ending (移动转售事业部总经理 → 总)."""
        for full in sorted(self.title_short, key=len, reverse=True):
            if title.endswith(full):
                return self.title_short[full]
        return ()


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def load() -> Grammar:
    d = load_yaml("grammar.yaml")
    return Grammar(
        name_stops=frozenset(d["name_stops"]),
        company_tails=_longest_first(d["company_tails"]),
        org_stop_prefixes=frozenset(d["org_stop_prefixes"]),
        not_orgs=frozenset(d["not_orgs"]),
        title_short={k: tuple(v) for k, v in d["title_short_forms"].items()},
        document_nouns=tuple(d["document_nouns"]),
        subject_lead_words=_longest_first(d["subject_lead_words"]),
        pronouns=tuple(d["pronouns"]),
        continuation_words=tuple(d["continuation_words"]),
        not_after_cue=tuple(d["not_after_cue"]),
        agreement_verbs=tuple(d["agreement_verbs"]),
        compound_terms=tuple(d["compound_terms"]),
        legal_tails=_longest_first(d["legal_tails"]),
        short_name_markers=_longest_first(d["short_name_markers"]),
        org_anaphora=_longest_first(d["org_anaphora"]),
        object_markers=frozenset(d["object_markers"]),
        person_object_markers=frozenset(d["person_object_markers"]),
        cue_glue_chars=frozenset(d["cue_glue_chars"]),
        adverbial_openers=tuple(d["adverbial_openers"]),
        person_markers=_longest_first(d["person_markers"]),
        question_markers=_longest_first(d["question_markers"]),
        answer_markers=_longest_first(d["answer_markers"]),
        org_side_words=tuple(d["org_side_words"]),
        not_before_cue=tuple(d["not_before_cue"]),
        addressees=tuple(d["addressees"]),
        honorifics=tuple(d["honorifics"]),
        brand_suffixes=_longest_first(d["brand_suffixes"]),
        rare_word_freq=int(d["rare_word_freq"]),
        unit_suffixes=_longest_first(d["unit_suffixes"]),
        branch_suffixes=_longest_first(d["branch_suffixes"]),
        title_joiners=tuple(d["title_joiners"]),
        cue_tails=tuple(d["cue_tails"]),
        own_company_words=tuple(d["own_company_words"]),
        generic_subjects=tuple(d["generic_subjects"]),
    )

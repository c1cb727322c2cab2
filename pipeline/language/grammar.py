"""Function words the recognisers and the attribution read context from (data/grammar.yaml).

Every list (and every mapping's keys) comes longest first, so a prefix or suffix
test finds the longest form.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from typing import Any

from pipeline.language.datafiles import load_yaml


@dataclass(frozen=True)
class Grammar:
    name_stops: tuple[str, ...]
    company_tails: tuple[str, ...]
    org_stop_prefixes: tuple[str, ...]
    stock_name_prefixes: tuple[str, ...]
    not_orgs: tuple[str, ...]
    document_nouns: tuple[str, ...]
    meeting_nouns: tuple[str, ...]
    unnamed_sources: tuple[str, ...]
    topic_verbs: tuple[str, ...]
    topic_nouns: tuple[str, ...]
    report_nouns: tuple[str, ...]
    account_openers: tuple[str, ...]
    report_leads: tuple[str, ...]
    account_nouns: tuple[str, ...]
    likening_openers: tuple[str, ...]
    light_verbs: tuple[str, ...]
    inquiry_verbs: tuple[str, ...]
    received_answers: tuple[str, ...]
    media_report_verbs: tuple[str, ...]
    nominal_cues: tuple[str, ...]
    nominal_topic_markers: tuple[str, ...]
    reporting_groups: tuple[str, ...]
    channel_nouns: tuple[str, ...]
    narration_openers: tuple[str, ...]
    source_anaphora: tuple[str, ...]
    source_quantifiers: tuple[str, ...]
    subject_lead_words: tuple[str, ...]
    pronouns: tuple[str, ...]
    object_pronouns: tuple[str, ...]
    continuation_words: tuple[str, ...]
    not_after_cue: tuple[str, ...]
    confirmed_anaphora: tuple[str, ...]
    compound_terms: tuple[str, ...]
    legal_tails: tuple[str, ...]
    list_separators: tuple[str, ...]
    apposition_heads: tuple[str, ...]
    short_name_markers: tuple[str, ...]
    org_anaphora: tuple[str, ...]
    ministry_anaphora: tuple[str, ...]
    country_prefixes: tuple[str, ...]
    unit_anaphora: dict[str, tuple[str, ...]]
    unit_heads: tuple[str, ...]
    object_markers: tuple[str, ...]
    person_object_markers: tuple[str, ...]
    spoken_of_markers: tuple[str, ...]
    names_with_he: tuple[str, ...]
    body_heads: tuple[str, ...]
    cue_glue_chars: tuple[str, ...]
    adverbial_openers: tuple[str, ...]
    manner_openers: tuple[str, ...]
    titles_after_name: tuple[str, ...]
    title_bodies: tuple[str, ...]
    person_markers: tuple[str, ...]
    own_outlet_words: tuple[str, ...]
    reporter_markers: tuple[str, ...]
    dateline_words: tuple[str, ...]
    dateline_times: tuple[str, ...]
    outlet_endings: tuple[str, ...]
    local_outlets: tuple[str, ...]
    channel_words: tuple[str, ...]
    question_markers: tuple[str, ...]
    answer_markers: tuple[str, ...]
    org_side_words: tuple[str, ...]
    number_words: tuple[str, ...]
    business_line_names: tuple[str, ...]
    not_before_cue: tuple[str, ...]
    addressees: tuple[str, ...]
    audiences: tuple[str, ...]
    honorifics: tuple[str, ...]
    foreign_name_stops: tuple[str, ...]
    pseudonym_markers: tuple[str, ...]
    anonymised_given: tuple[str, ...]
    familiar_prefixes: tuple[str, ...]
    brand_suffixes: tuple[str, ...]
    not_brand_tags: tuple[str, ...]
    count_tags: tuple[str, ...]
    rare_word_freq: int
    unit_suffixes: tuple[str, ...]
    body_ranks: tuple[str, ...]
    ministry_units: tuple[str, ...]
    local_bodies: tuple[str, ...]
    level_bodies: tuple[str, ...]
    school_words: tuple[str, ...]
    company_units: tuple[str, ...]
    sub_unit_words: tuple[str, ...]
    unit_stop_words: tuple[str, ...]
    org_word_endings: tuple[str, ...]
    branch_suffixes: tuple[str, ...]
    bureau_tails: tuple[str, ...]
    business_line_periods: tuple[str, ...]
    place_suffixes: tuple[str, ...]
    not_places: tuple[str, ...]
    foreign_place_endings: tuple[str, ...]
    foreign_places: tuple[str, ...]
    kind_words: tuple[str, ...]
    institute_units: tuple[str, ...]
    business_terms: tuple[str, ...]
    own_line_words: tuple[str, ...]
    product_words: tuple[str, ...]
    vehicle_words: tuple[str, ...]
    vehicle_before_tail: tuple[str, ...]
    institution_kinds: tuple[str, ...]
    branch_tails: tuple[str, ...]
    title_joiners: tuple[str, ...]
    title_separators: tuple[str, ...]
    person_list_marks: tuple[str, ...]
    deputy_titles: tuple[str, ...]
    own_right_titles: tuple[str, ...]
    company_officer_titles: tuple[str, ...]
    holding_verbs: tuple[str, ...]
    holding_adverbs: tuple[str, ...]
    holder_appellations: tuple[str, ...]
    sequence_words: tuple[str, ...]
    succession_verbs: tuple[str, ...]
    appointing_verbs: tuple[str, ...]
    appointment_links: tuple[str, ...]
    hearsay_cues: tuple[str, ...]
    promotion_verbs: tuple[str, ...]
    post_list_closers: tuple[str, ...]
    joining_verbs: tuple[str, ...]
    cue_tails: tuple[str, ...]
    clause_only_cues: tuple[str, ...]
    own_company_words: tuple[str, ...]
    modifier_tags: tuple[str, ...]
    adverb_tags: tuple[str, ...]
    generic_subjects: tuple[str, ...]
    predicate_openers: tuple[str, ...]
    predicate_word_tags: tuple[str, ...]
    nominal_suffixes: tuple[str, ...]
    copulas: tuple[str, ...]
    subjectless_verbs: tuple[str, ...]
    observer_types: tuple[str, ...]
    supervisor_types: tuple[str, ...]
    supervisor_tails: tuple[str, ...]
    supervised_words: tuple[str, ...]
    time_openers: tuple[str, ...]
    cue_negators: tuple[str, ...]
    refusals: tuple[str, ...]
    operator_groups: dict[str, tuple[str, ...]]
    joint_speech_words: tuple[str, ...]
    group_heads: tuple[str, ...]
    run_on_stops: tuple[str, ...]
    enumeration_openers: tuple[str, ...]
    list_measures: tuple[str, ...]
    framing_openers: tuple[str, ...]
    plan_openers: tuple[str, ...]
    directive_openers: tuple[str, ...]
    plan_nouns: tuple[str, ...]
    brand_stem_tags: tuple[str, ...]
    comparison_markers: tuple[str, ...]
    comparison_words: tuple[str, ...]
    date_prepositions: tuple[str, ...]
    subsidiary_linkers: tuple[str, ...]
    speaker_anaphora: tuple[str, ...]
    org_demonstratives: tuple[str, ...]
    frame_prepositions: tuple[str, ...]
    writer_pronouns: tuple[str, ...]
    frame_postpositions: tuple[str, ...]
    pair_words: tuple[str, ...]
    pair_joiners: tuple[str, ...]
    conditional_openers: tuple[str, ...]
    conditional_ends: tuple[str, ...]
    concessive_openers: tuple[str, ...]
    ceremony_words: tuple[str, ...]
    title_short_forms: dict[str, tuple[str, ...]]

    def short_forms(self, title: str) -> tuple[str, ...]:
        """王总, 蒋董: the short forms of a title, matched on its ending (移动转售事业部总经理 → 总)."""
        for full, forms in self.title_short_forms.items():  # longest first
            if title.endswith(full):
                return forms
        return ()

    @cached_property
    def person_pronouns(self) -> tuple[str, ...]:
        """Every pronoun a title's holder may be (他曾任…, 免去其…职务): context resolves it to a name."""
        return self.pronouns + self.object_pronouns

    @cached_property
    def one_char_short_forms(self) -> frozenset[str]:
        """总, 董: short forms that can end a string that is no name (韦总)."""
        return frozenset(f for forms in self.title_short_forms.values() for f in forms if len(f) == 1)


def _value(raw: Any) -> Any:
    if isinstance(raw, dict):
        return {key: tuple(raw[key]) for key in sorted(raw, key=len, reverse=True)}
    if isinstance(raw, list):
        return tuple(sorted(raw, key=len, reverse=True))
    return raw


@lru_cache(maxsize=1)
def load() -> Grammar:
    data = load_yaml("grammar.yaml")
    missing = [f.name for f in fields(Grammar) if f.name not in data]
    if missing:
        raise ValueError(f"grammar.yaml: missing {', '.join(missing)}")
    return Grammar(**{f.name: _value(data[f.name]) for f in fields(Grammar)})

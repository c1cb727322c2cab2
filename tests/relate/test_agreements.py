"""Agreements: only a signing the sentence states (A与B签订…协议), the parties on one side and the
counterpart on the other; when unsure, none."""

import re

import pytest

from pipeline.language import segment
from pipeline.recognise.organisations import organisations
from pipeline.records import Hit
from pipeline.relate.agreements import find_agreements


def agreements(text):
    found = find_agreements(text, organisations(text, segment.boundaries(text)))
    return [(g.parties, g.counterpart, g.date, text[g.start : g.end] == g.text) for g in found]


def test_an_organisation_on_each_side():
    assert agreements("分享通信与中国联通签署了合作协议。") == [(["中国联通"], "分享通信", None, True)]


def test_a_group_counterpart_is_kept_as_written_with_the_date_before_the_clause():
    text = "9月25日，三基础运营商与分享通信、蜗牛移动签订协议。"
    assert agreements(text) == [(["分享通信", "蜗牛移动"], "三基础运营商", "9月25日", True)]


def test_no_link_word_or_no_organisation_is_no_agreement():
    assert agreements("分享通信签署了合作协议。") == []
    assert agreements("他与她签署了合作协议。") == []


# Invented organisations, given as the recognisers would find them.
ORGS = (
    "中国联通",
    "中国电信",
    "蓝海移动",
    "星联通信",
    "红石通信",
    "青鸟科技",
    "云途科技",
    "中兴通讯",
    "工信部",
    "分享通信",
    "巴士在线",
    "天音",
)


def orgs_in(text: str) -> list[Hit]:
    return sorted(
        (Hit(m.start(), m.end(), "COMPANY", o, o) for o in ORGS for m in re.finditer(o, text)), key=lambda h: h.start
    )


def signed(text: str) -> list[tuple[list[str], str | None]]:
    return [(g.parties, g.counterpart) for g in find_agreements(text, orgs_in(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("蓝海移动与中国联通签署了转售合作协议。", [(["中国联通"], "蓝海移动")]),
        (
            "此前，中国联通已与蓝海移动、星联通信等16家虚商签署了新的转售合作协议。",
            [(["蓝海移动", "星联通信"], "中国联通")],
        ),
        ("红石通信、青鸟科技与中国电信签订了合作协议。", [(["红石通信", "青鸟科技"], "中国电信")]),
        (
            "随后，中国联通先后与蓝海移动、星联通信和红石通信签署合作协议。",
            [(["蓝海移动", "星联通信", "红石通信"], "中国联通")],
        ),
        ("分享通信今日宣布，已与中国联通签署5G转售合作协议。", [(["中国联通"], "分享通信")]),
        ("蓝海移动和星联通信达成战略合作协议。", [(["星联通信"], "蓝海移动")]),
        (
            "9月25日，三基础运营商与6家虚拟运营商（巴士在线、天音）签订了价格调整协议。",
            [(["巴士在线", "天音"], "三基础运营商")],
        ),  # a group: kept as written, the graph links no one to it
    ],
)
def test_a_stated_signing_between_named_sides(text, expected):
    assert signed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "云途科技还宣布与中兴通讯达成终端合作，双方将联合定制5G手机。",  # no agreement document
        "对此，中国联通回应称，将按照《通知》要求，与转售企业重新签订合作协议。",  # to come, and asked for
        "蓝海移动计划与中国联通签署转售协议。",
        "蓝海移动尚未与中国联通签署转售协议。",
        "蓝海移动否认与中国联通签署了独家协议。",
        "工信部向蓝海移动发放了移动转售业务试点批文。",  # a licence is no agreement
        "蓝海移动与星联通信的签约仪式在北京举行。",
        "蓝海移动、星联通信与红石通信、青鸟科技签署合作协议。",  # several on both sides: who signed with whom is unsure
    ],
)
def test_no_agreement_where_the_sentence_states_no_signing_or_the_sides_are_unsure(text):
    assert signed(text) == []


def test_the_date_before_the_signing_is_kept():
    text = "2015年3月1日，蓝海移动与中国联通签署了协议。"
    [g] = find_agreements(text, orgs_in(text))
    assert g.date == "2015年3月1日"

"""Agreements: A与B签订…协议, the parties on one side and the counterpart on the other."""
from pipeline import segment
from pipeline.agreements import find_agreements
from pipeline.recognise.organisations import organisations


def agreements(text):
    found = find_agreements(text, organisations(text, segment.boundaries(text)))
    return [(g.parties, g.counterpart, g.date, text[g.start:g.end] == g.text) for g in found]


def test_an_organisation_on_each_side():
    assert agreements("分享通信与中国联通签署了合作协议。") == [(["中国联通"], "分享通信", None, True)]


def test_a_group_counterpart_is_kept_as_written_with_the_date_before_the_clause():
    text = "9月25日，三基础运营商与分享通信、蜗牛移动签订协议。"
    assert agreements(text) == [(["分享通信", "蜗牛移动"], "三基础运营商", "9月25日", True)]


def test_no_link_word_or_no_organisation_is_no_agreement():
    assert agreements("分享通信签署了合作协议。") == []
    assert agreements("他与她签署了合作协议。") == []

"""Anonymous sources: the patterns of data/anonymous_sources.txt in a sentence."""

from pipeline.recognise.anonymous import anonymous_sources


def names(text):
    return [h.name for h in anonymous_sources(text)]


def test_an_anonymous_source_is_its_whole_description():
    assert names("一位不愿具名的业内人士透露") == ["不愿具名的业内人士"]
    assert names("据接近中国联通的人士称") == ["接近中国联通的人士"]
    assert names("王帅说") == []


def test_sources_come_left_to_right_with_offsets_into_the_sentence():
    text = "业内人士认为，接近中国联通的人士也称"
    hits = anonymous_sources(text)
    assert [text[h.start : h.end] for h in hits] == [h.name for h in hits] == ["业内人士", "接近中国联通的人士"]
    assert all(h.label == "ANON" for h in hits)


def test_those_at_a_meeting_and_the_outside_world_are_sources():
    assert names("与会人员表示") == ["与会人员"]
    assert names("参会企业承诺") == ["参会企业"]
    assert names("外界猜测") == ["外界"]


def test_any_kind_of_people_a_quantifier_introduces_is_a_source():
    assert names("有国产厂商人士告诉记者") == ["国产厂商人士"]
    assert names("另一家虚拟运营商的人士表示") == ["虚拟运营商的人士"]
    assert names("一位券商人士透露") == ["券商人士"]
    assert names("有业内人士认为") == ["业内人士"]  # the specific head still wins
    assert names("业界一度认为") == ["业界"]


def test_police_units_are_sources():
    assert names("深圳网警提醒") == ["网警"]
    assert names("办案民警介绍") == ["民警"]
    assert names("警方表示") == ["警方"]

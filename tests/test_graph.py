"""The graph model of one article: ids that merge what should merge, scalar properties, provenance."""

from __future__ import annotations

from dataclasses import replace

from graph_samples import article, entity, launch, regulator, statement

from pipeline.graph import Node, Rel, article_graph, by_alias, merge_props, near_names, org_id, person_id
from pipeline.records import Extraction, Role


def graph(extraction: Extraction) -> tuple[dict[str, Node], list[Rel]]:
    nodes, rels = article_graph(extraction)
    return {n.id: n for n in nodes}, rels


def by_label(nodes: dict[str, Node], label: str) -> list[Node]:
    return [n for n in nodes.values() if label in n.labels]


def rels_of(rels: list[Rel], type_: str) -> list[Rel]:
    return [r for r in rels if r.type == type_]


def test_every_relationship_joins_nodes_of_the_same_article_graph():
    for extraction in (launch(), regulator()):
        nodes, rels = graph(extraction)
        assert all(r.start in nodes and r.end in nodes for r in rels)
        assert len({r.id for r in rels}) == len(rels)


def test_properties_are_graphml_scalars_and_never_none():
    for extraction in (launch(), regulator()):
        nodes, rels = graph(extraction)
        for props in [n.props for n in nodes.values()] + [r.props for r in rels]:
            assert all(type(v) in (str, int, float, bool) for v in props.values()), props


def test_article_node_carries_metadata_and_content_hash():
    x = launch()
    [art] = by_label(graph(x)[0], "Article")
    assert art.props["url"] == x.article.url
    assert (art.props["published"], art.props["published_precision"], art.props["published_raw"]) == (
        "2015-03-02",
        "day",
        x.article.time,
    )
    assert len(art.props["sha256"]) == 64
    edited = replace(x, article=replace(x.article, text=x.article.text + "。"))
    [art2] = by_label(graph(edited)[0], "Article")
    assert art2.id == art.id and art2.props["sha256"] != art.props["sha256"]


def test_the_question_the_graph_exists_for():
    """(Person)-[:SAID]->(Statement)-[:ABOUT]->(Organization:MVNO)"""
    nodes, rels = graph(launch())
    about = {r.start: nodes[r.end] for r in rels_of(rels, "ABOUT")}
    said = [(nodes[r.start], about[r.end]) for r in rels_of(rels, "SAID") if r.end in about]
    assert said and all(p.labels == ("Person",) and "MVNO" in o.labels for p, o in said)
    assert {(p.props["name"], o.props["name"]) for p, o in said} == {("李明", "蓝海移动")}


def test_role_gives_person_identity_and_position():
    nodes, rels = graph(launch())
    [held] = rels_of(rels, "HOLDS_POSITION")
    assert held.start == person_id("李明", "蓝海移动") and held.end == org_id("蓝海移动")
    assert held.props == {"title": "副总裁", "first_seen": "2015-03-02", "last_seen": "2015-03-02"}
    [author] = rels_of(rels, "WRITTEN_BY")
    assert author.end == person_id("周记者", None)


def test_namesakes_at_different_companies_are_different_people():
    a, b = launch(), launch(url="https://news.example.cn/mvno/9")
    b.roles[:] = [Role("李明", "总经理", "中国联通")]
    ids = [{n.id for n in by_label(graph(x)[0], "Person") if n.props["name"] == "李明"} for x in (a, b)]
    assert ids[0] and ids[1] and not ids[0] & ids[1]


def test_organisation_speaking_says_the_statement():
    nodes, rels = graph(regulator())
    [said] = rels_of(rels, "SAID")
    assert nodes[said.start].props["name"] == "工业和信息化部" and "Statement" in nodes[said.end].labels


def test_anonymous_statement_keeps_its_description_and_has_no_speaker():
    nodes, rels = graph(launch())
    [anon] = [n for n in by_label(nodes, "Statement") if n.props.get("speaker_desc") == "业内人士"]
    assert not [r for r in rels_of(rels, "SAID") if r.end == anon.id]


def test_figures_are_cited_by_the_statement_around_them_only():
    nodes, rels = graph(launch())
    cited = {nodes[r.end].props["text"]: nodes[r.start].props["text"] for r in rels_of(rels, "CITES")}
    assert set(cited) == {"超过50万户", "约30%"}
    assert all(f in s for f, s in cited.items())
    nodes, rels = graph(regulator())
    assert not rels_of(rels, "CITES")


def test_statements_and_figures_trace_back_to_their_span():
    x = launch()
    nodes, rels = graph(x)
    contained = rels_of(rels, "CONTAINS")
    assert len(contained) == len(x.statements) + len(x.figures)
    for r in contained:
        assert x.article.text[r.props["start"] : r.props["end"]] == nodes[r.end].props["text"]
    for r in rels_of(rels, "MENTIONS"):
        spans = [tuple(map(int, s.split("-"))) for s in r.props["spans"].split("|")]
        assert len(spans) == r.props["count"]
        assert {x.article.text[s:e] for s, e in spans} <= {
            nodes[r.end].props["name"],
            *nodes[r.end].props.get("aliases", "").split("|"),
        }


def test_figure_measures_its_subject():
    nodes, rels = graph(launch())
    assert {nodes[r.end].props["name"] for r in rels_of(rels, "MEASURES")} == {"蓝海移动"}


def test_agreement_with_an_organisation_links_each_party_to_it():
    nodes, rels = graph(launch())
    [signed] = rels_of(rels, "SIGNED_AGREEMENT")
    assert (nodes[signed.start].props["name"], nodes[signed.end].props["name"]) == ("蓝海移动", "中国联通")
    assert signed.props == {"date": "2015-03-01", "date_raw": "2015-03-01"}


def test_agreement_with_a_group_links_no_one():
    """红石通信、青鸟科技与三基础运营商签署: the two signed with the operators, not with each other."""
    nodes, rels = graph(regulator())
    assert not rels_of(rels, "SIGNED_AGREEMENT")
    assert not [n for n in nodes.values() if n.props.get("name") == "三基础运营商"]


def test_alias_resolves_to_the_same_organisation_and_is_recorded():
    plain, aliased = graph(launch())[0], graph(launch(url="https://other.example.cn/1", alias="蓝海"))[0]
    [org] = [n for n in by_label(aliased, "MVNO")]
    assert org.id in plain and org.props["aliases"] == "蓝海"


def test_republished_statement_is_the_same_node_despite_punctuation_and_width():
    a = launch()
    b = launch(url="https://mirror.example.cn/7", quote="虚拟运营商的用户增长， 超出了预期")
    ids = [{n.id for n in by_label(graph(x)[0], "Statement") if n.props["cue"] == "表示"} for x in (a, b)]
    assert ids[0] == ids[1] and len(ids[0]) == 1
    assert by_label(graph(a)[0], "Article")[0].id != by_label(graph(b)[0], "Article")[0].id


def test_same_words_from_different_speakers_are_different_statements():
    a = article("https://news.example.cn/q", "张华表示，资费还会下降。王强表示，资费还会下降。")
    first = statement(a, "张华", "资费还会下降", [])
    second = replace(statement(a, "王强", "资费还会下降", []), start=first.start + 12, end=first.end + 12)
    x = Extraction(a, entities=[entity(a, "张华", "PERSON"), entity(a, "王强", "PERSON")], statements=[first, second])
    assert len(by_label(graph(x)[0], "Statement")) == 2


def test_graph_is_deterministic():
    first, second = article_graph(launch()), article_graph(launch())
    assert [(n.id, n.labels, n.props) for n in first[0]] == [(n.id, n.labels, n.props) for n in second[0]]
    assert [(r.id, r.props) for r in first[1]] == [(r.id, r.props) for r in second[1]]


def test_merge_props_first_wins_scalars_and_unites_aliases():
    merged = merge_props(
        {"name": "蓝海移动", "aliases": "蓝海"}, {"name": "x", "type": "mvno", "aliases": "蓝海移动公司|蓝海"}
    )
    assert merged == {"name": "蓝海移动", "type": "mvno", "aliases": "蓝海|蓝海移动公司"}


def test_statements_and_figures_carry_their_articles_date():
    nodes, _ = graph(launch())
    dated = by_label(nodes, "Statement") + by_label(nodes, "Figure")
    assert dated and {n.props["published"] for n in dated} == {"2015-03-02"}


def test_an_article_without_a_date_keeps_what_it_wrote_and_has_no_published():
    x = launch()
    x = replace(x, article=replace(x.article, time="3月6日"))
    [art] = by_label(graph(x)[0], "Article")
    assert "published" not in art.props and art.props["published_raw"] == "3月6日"
    assert all("published" not in n.props for n in by_label(graph(x)[0], "Statement"))


def test_merged_dates_keep_the_earliest_and_the_latest():
    assert merge_props({"published": "2015-03-02"}, {"published": "2014-11-30"})["published"] == "2014-11-30"
    merged = merge_props(
        {"first_seen": "2016-03-08", "last_seen": "2016-03-08"}, {"first_seen": "2018-01-15", "last_seen": "2018-01-15"}
    )
    assert (merged["first_seen"], merged["last_seen"]) == ("2016-03-08", "2018-01-15")


def test_a_statement_records_the_title_the_article_gives_its_speaker():
    nodes, _ = graph(launch())
    said = {
        n.props["text"]: (n.props.get("speaker_title"), n.props.get("speaker_org"))
        for n in by_label(nodes, "Statement")
    }
    assert said["虚拟运营商的用户增长超出了预期"] == ("副总裁", "蓝海移动")
    assert said["转售业务竞争将更加激烈"] == (None, None)  # an anonymous source holds no title


def test_ids_come_from_the_extraction_alone_not_from_the_gazetteer(monkeypatch):
    from pipeline.language import lexicon

    x = launch()
    [org] = [e for e in x.entities if e.name == "蓝海移动"]
    x.entities[x.entities.index(org)] = replace(org, name="蓝海", key="蓝海移动")  # the article calls it 蓝海
    x.roles[:] = [replace(r, org="蓝海") for r in x.roles]

    def no_gazetteer():
        raise AssertionError("the graph read the gazetteer")

    monkeypatch.setattr(lexicon, "load", no_gazetteer)
    nodes, rels = graph(x)
    assert org_id("蓝海移动") in nodes and nodes[org_id("蓝海移动")].props["name"] == "蓝海移动"
    [held] = rels_of(rels, "HOLDS_POSITION")
    assert held.end == org_id("蓝海移动") and held.start == person_id("李明", "蓝海移动")


def test_a_title_held_before_is_its_own_position_with_its_tense():
    x = launch()
    x.roles[:] = [Role("李明", "副总裁", "蓝海移动"), Role("李明", "前总裁", "蓝海移动", tense="former")]
    nodes, rels = graph(x)
    held = {(r.props["title"], r.props.get("tense")) for r in rels_of(rels, "HOLDS_POSITION")}
    assert held == {("副总裁", None), ("总裁", "former")}
    assert all(r.props["first_seen"] == r.props["last_seen"] == "2015-03-02" for r in rels_of(rels, "HOLDS_POSITION"))


def test_a_former_holder_speaks_with_the_tense_of_his_title():
    x = launch()
    x.roles[:] = [Role("李明", "副总裁", "蓝海移动", tense="former")]
    [stm] = [n for n in by_label(graph(x)[0], "Statement") if n.props["text"] == "虚拟运营商的用户增长超出了预期"]
    assert (stm.props["speaker_title"], stm.props["speaker_org"], stm.props["speaker_tense"]) == (
        "副总裁",
        "蓝海移动",
        "former",
    )


def test_a_figure_in_traditional_characters_has_its_metric_and_period():
    from pipeline.extract import extract
    from pipeline.records import Article

    text = "中國聯通表示，其虛擬運營商業務營收今年上半年達到12億元。"
    nodes, _ = graph(extract(Article(doc="t.txt", text=text, time="2020-05-01")))
    (figure,) = by_label(nodes, "Figure")
    assert (figure.props["text"], figure.props["metric"], figure.props["period"]) == ("12億元", "营收", "2020-H1")


def test_near_names_take_containment_first_and_show_an_alias_with_its_name():
    names = by_alias([("苏宁互联", "苏宁"), ("京东", "京东移动"), ("蜗牛移动", "")])
    assert names == {
        "苏宁互联": "苏宁互联",
        "苏宁": "苏宁互联",
        "京东": "京东",
        "京东移动": "京东",
        "蜗牛移动": "蜗牛移动",
    }
    assert near_names("苏宁互联网", names) == ["苏宁互联"]
    assert near_names("苏宁云", names) == ["苏宁互联 (苏宁)"]
    assert near_names("京东通信", names) == ["京东"]
    assert near_names("移动", names) == ["京东 (京东移动)", "蜗牛移动"]
    assert near_names("中国联通", names) == []

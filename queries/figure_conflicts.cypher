// question: Which figures disagree? The same organisation's metric (用户, 营收, …) for the same period stated with different values in different articles, each with its source.
MATCH (f:Figure {disputed: true})-[:MEASURES]->(o:Organization)
OPTIONAL MATCH (a:Article)-[:CONTAINS]->(f)
OPTIONAL MATCH (s:Statement)-[:CITES]->(f)
OPTIONAL MATCH (speaker)-[:SAID]->(s)
RETURN o.name AS organization,
       f.metric AS metric,
       f.period AS period,
       f.value AS value,
       f.text AS figure,
       coalesce(speaker.name, s.speaker_desc) AS cited_by,
       coalesce(a.title, a.url, a.doc) AS article,
       a.published AS published
ORDER BY organization, metric, period, value, published

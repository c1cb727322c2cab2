// question: Which figures (users, numbers issued, shares, money) are cited about an organisation, by whom and in which article?
// param: org — organisation name or any of its aliases, e.g. 苏宁互联
MATCH (o:Organization)
WHERE o.name = $org OR $org IN coalesce(o.aliases, [])
MATCH (f:Figure)-[:MEASURES]->(o)
OPTIONAL MATCH (s:Statement)-[:CITES]->(f)
OPTIONAL MATCH (speaker)-[:SAID]->(s)
OPTIONAL MATCH (a:Article)-[:CONTAINS]->(f)
RETURN o.name AS organization,
       f.text AS figure,
       f.value AS value,
       f.unit AS unit,
       coalesce(speaker.name, s.speaker_desc) AS cited_by,
       coalesce(a.title, a.url, a.doc) AS article,
       a.published AS published
ORDER BY published, figure

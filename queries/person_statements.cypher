// question: What has a person said, about which organisations, and where was it published?
// param: person — the person's full name as it appears in the graph (Person.name)
MATCH (p:Person {name: $person})-[:SAID]->(s:Statement)
OPTIONAL MATCH (a:Article)-[:CONTAINS]->(s)
WITH p, s, collect(DISTINCT coalesce(a.title, a.url, a.doc)) AS articles, min(a.published) AS published
RETURN p.name AS person,
       [(p)-[h:HOLDS_POSITION]->(e:Organization) | e.name + ' ' + h.title] AS positions,
       s.cue AS cue,
       s.text AS statement,
       [(s)-[:ABOUT]->(o:Organization) | o.name] AS about,
       articles,
       published
ORDER BY published, statement

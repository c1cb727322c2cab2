// question: Who are the most quoted people: how many statements each made, in how many articles, about which organisations?
// param: limit = 10 — how many people to list
MATCH (p:Person)-[:SAID]->(s:Statement)
OPTIONAL MATCH (a:Article)-[:CONTAINS]->(s)
WITH p, count(DISTINCT s) AS statements, count(DISTINCT a) AS articles
RETURN p.name AS person,
       [(p)-[h:HOLDS_POSITION]->(e:Organization) | e.name + ' ' + h.title] AS positions,
       statements,
       articles,
       COLLECT { MATCH (p)-[:SAID]->(:Statement)-[:ABOUT]->(o:Organization) RETURN DISTINCT o.name } AS about
ORDER BY statements DESC, articles DESC, person
LIMIT $limit

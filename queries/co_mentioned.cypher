// question: Which organisations are mentioned together, and in how many articles? (pairs, most frequent first)
// param: limit = 25 — how many pairs to list
MATCH (a:Article)-[:MENTIONS]->(x:Organization)
MATCH (a)-[:MENTIONS]->(y:Organization)
WHERE x.name < y.name
RETURN x.name AS organization,
       y.name AS mentioned_with,
       count(DISTINCT a) AS articles,
       (x:MVNO) AND (y:MVNO) AS both_mvno
ORDER BY articles DESC, organization, mentioned_with
LIMIT $limit

// question: Who are an organisation's executives and officers, with their titles over time (the first and last article dates giving each, and a tense where the text gives one: then, former, current, new) and how often each is quoted?
// param: org — organisation name or any of its aliases, e.g. 苏宁互联
MATCH (o:Organization)
WHERE o.name = $org OR $org IN coalesce(o.aliases, [])
MATCH (p:Person)-[h:HOLDS_POSITION]->(o)
RETURN p.name AS person,
       h.title AS title,
       h.tense AS tense,
       o.name AS organization,
       h.first_seen AS first_seen,
       h.last_seen AS last_seen,
       COUNT { (p)-[:SAID]->(:Statement) } AS statements
ORDER BY statements DESC, person, first_seen, title

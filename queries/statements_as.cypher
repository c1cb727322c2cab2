// question: What did a person say as (for example) chairman of an organisation? Statements whose article gave the speaker that title there at the time of speaking (not as a former holder: 原董事长).
// param: person — the person's name (Person.name), e.g. 王帅
// param: title — a title or part of one, e.g. 董事长 (副董事长 matches too)
// param: org — organisation name or any of its aliases, e.g. 苏宁互联
MATCH (o:Organization)
WHERE o.name = $org OR $org IN coalesce(o.aliases, [])
MATCH (p:Person {name: $person})-[:SAID]->(s:Statement)
WHERE s.speaker_org = o.name AND s.speaker_title CONTAINS $title AND coalesce(s.speaker_tense, '') <> 'former'
OPTIONAL MATCH (a:Article)-[:CONTAINS]->(s)
WITH p, o, s, collect(DISTINCT coalesce(a.title, a.url, a.doc)) AS articles, min(a.published) AS published
RETURN p.name AS person,
       s.speaker_title AS title,
       o.name AS organization,
       s.cue AS cue,
       s.text AS statement,
       articles,
       published
ORDER BY published, statement

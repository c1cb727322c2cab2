// question: Who said what about an organisation? The question the graph exists for: every statement about it, with the speaker (a person, an organisation, or the description of an anonymous source), the speaker's positions and the articles it appeared in.
// param: org — organisation name or any of its aliases, e.g. 苏宁互联
MATCH (o:Organization)
WHERE o.name = $org OR $org IN coalesce(o.aliases, [])
MATCH (s:Statement)-[:ABOUT]->(o)
OPTIONAL MATCH (speaker)-[:SAID]->(s)
OPTIONAL MATCH (a:Article)-[:CONTAINS]->(s)
WITH o, s, speaker, collect(DISTINCT coalesce(a.title, a.url, a.doc)) AS articles, min(a.published) AS published
RETURN coalesce(speaker.name, s.speaker_desc) AS speaker,
       [(speaker)-[h:HOLDS_POSITION]->(e:Organization) | e.name + ' ' + h.title] AS positions,
       s.cue AS cue,
       s.text AS statement,
       o.name AS organization,
       articles,
       published
ORDER BY published, speaker

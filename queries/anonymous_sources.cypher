// question: What did anonymous sources (业内人士, 某虚拟运营商大佬, …) say, about whom, and where? Statements no person or organisation is credited with.
MATCH (s:Statement)
WHERE NOT EXISTS { ()-[:SAID]->(s) }
OPTIONAL MATCH (a:Article)-[:CONTAINS]->(s)
RETURN s.speaker_desc AS source,
       s.cue AS cue,
       s.text AS statement,
       [(s)-[:ABOUT]->(o:Organization) | o.name] AS about,
       coalesce(a.title, a.url, a.doc) AS article,
       a.published AS published
ORDER BY published, source, statement

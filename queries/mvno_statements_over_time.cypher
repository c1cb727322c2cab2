// question: How many statements were made about each MVNO (licensed mobile virtual network operator) per month, and by how many speakers? (month: the statement's first article's ISO date; a year alone where only the year is known; undated last)
MATCH (s:Statement)-[:ABOUT]->(o:Organization:MVNO)
OPTIONAL MATCH (speaker)-[:SAID]->(s)
RETURN o.name AS mvno,
       substring(s.published, 0, 7) AS month,
       count(DISTINCT s) AS statements,
       count(DISTINCT coalesce(speaker.id, s.speaker_desc)) AS speakers
ORDER BY mvno, month

"""The Neo4j mirror: push, bulk import and the analysts' queries."""

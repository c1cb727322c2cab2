"""The embedded SQLite store and the merge rules it shares with the Spark job."""

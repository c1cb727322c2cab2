"""The runs behind the commands: ingest over processes, the Spark job, evaluation, progress."""

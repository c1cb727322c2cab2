"""The library's one base error: the CLI turns any ``KgFailure`` into one line and exit status 1.

Every error a user can act on (a bad file, a store, Neo4j, a query, an export, a Spark
job) derives from it, so the command line translates them in one place.
"""


class KgFailure(Exception):
    """An error the user can act on; its message is one line naming what failed and why."""

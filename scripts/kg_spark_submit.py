"""spark-submit's entry point for kg: ``spark-submit [OPTIONS] kg_spark_submit.py INPUT... --out DIR``
runs ``kg spark-ingest`` in spark-submit's driver, with its master and settings (README, "On a Spark cluster").

It lives outside the package (installed as share/kg/spark/kg_spark_submit.py) because a script's folder goes
first on sys.path, and pipeline/'s module names (numbers, text) would shadow the standard library's.
"""

import sys

from pipeline.cli import main

if __name__ == "__main__":
    main(["spark-ingest", *sys.argv[1:]])

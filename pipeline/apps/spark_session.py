"""The Spark session kg's jobs run in, and the file system calls they need beyond DataFrames.

Run by ``kg`` on one machine, the session is set up for a small one (two cores, a
modest driver, no web UI, quiet logs); run under ``spark-submit`` it takes the
cluster's settings as given, and ``--master`` (or spark-submit's) says where.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pyspark.sql import SparkSession

from pipeline.language import datafiles

DEFAULT_MASTER = "local[2]"
LOG_CONFIG = datafiles.data_dir() / "spark" / "log4j2.properties"
LOCAL_SETTINGS = {
    "spark.sql.shuffle.partitions": "4",  # the default 200 is for clusters: tiny tasks cost more than they do
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.python.worker.memory": "1g",  # a worker holds ~0.6 GB of models: under pyspark's 512m every shuffle spills
    "spark.driver.memory": "1g",  # the driver only plans and collects; the models live in the Python workers
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile={LOG_CONFIG.as_uri()}",
}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # hdfs://, s3a://, file:/..., not C:\ (one letter)


def has_scheme(path: str) -> bool:
    """A URI Spark resolves (hdfs://, s3a://, file:/...), rather than a local path as kg names files."""
    return bool(_SCHEME.match(path)) and len(path.split(":", 1)[0]) > 1


def location(path: str) -> str:
    """A path for Spark: URIs as given, local paths made absolute (workers may have another cwd)."""
    return path if has_scheme(path) else os.path.abspath(path)


def is_local(master: str) -> bool:
    return master == "local" or master.startswith("local[")


@contextmanager
def session(master: str | None = None) -> Iterator[SparkSession]:
    """A Spark session: the one already active (tests, a notebook) is used and left running;
    otherwise one is started and stopped at the end. Under spark-submit its master and settings
    hold (``master`` overrides the master); else ``master`` or local[2], and a local master gets
    the settings for a small machine."""
    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers run the Python that runs kg
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started the JVM and holds the settings
    builder: Any = SparkSession.builder.appName("kg")
    if master or not submitted:
        master = master or DEFAULT_MASTER
        builder = builder.master(master)
        if is_local(master) and not submitted:
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            for name, value in LOCAL_SETTINGS.items():
                builder = builder.config(name, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        yield spark
    finally:
        spark.stop()


def _fs(spark: SparkSession, path: str) -> tuple[Any, Any]:
    """(Hadoop FileSystem, Path) for ``path``: the same calls work for local, hdfs:// and s3a:// folders."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    return hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), hadoop_path


def exists(spark: SparkSession, path: str) -> bool:
    fs, p = _fs(spark, path)
    return bool(fs.exists(p))


def delete(spark: SparkSession, path: str) -> None:
    fs, p = _fs(spark, path)
    fs.delete(p, True)


def replace(spark: SparkSession, source: str, target: str) -> None:
    """Move the folder ``source`` to ``target``, replacing what was there."""
    fs, src = _fs(spark, source)
    _, dst = _fs(spark, target)
    fs.delete(dst, True)
    if not fs.rename(src, dst):
        raise OSError(f"cannot move {source} to {target}")

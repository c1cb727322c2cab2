"""A Spark job's output folder (``kg spark-ingest --out DIR``) read back like the store, with pyarrow.

``kg push --from`` and ``kg export --from`` read it on one machine: pyarrow opens the Parquet
tables in well under a second, where starting a Spark session for them took about a minute.
Local folders, ``file:`` URIs and the filesystems pyarrow knows (``hdfs://``, ``s3://``) are read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from pipeline.errors import KgFailure
from pipeline.graph import Node, Rel
from pipeline.messages import quoted

_BATCH = 10_000  # rows converted to Python at a time


class ParquetGraphError(KgFailure):
    """The folder holds no kg graph, or cannot be read; one line for the user."""


class ParquetGraph:
    """Nodes and relationships in id order, as ``Store.nodes()`` and ``Store.rels()`` give them."""

    def __init__(self, folder: str):
        self.folder = folder
        try:
            self._fs, self._path = pafs.FileSystem.from_uri(folder)
        except (pa.ArrowInvalid, ValueError):  # a plain (relative) path has no scheme
            self._fs, self._path = pafs.LocalFileSystem(), os.path.abspath(folder)
        except pa.ArrowException as e:
            raise ParquetGraphError(f"{quoted(folder)}: cannot read it ({e})") from None
        found = self._fs.get_file_info([f"{self._path}/{t}" for t in ("nodes", "rels")])
        if any(info.type != pafs.FileType.Directory for info in found):
            raise ParquetGraphError(
                f"{quoted(folder)}: no kg graph there (run kg spark-ingest --out {quoted(folder)} first)"
            )

    def _table(self, name: str, columns: list[str]) -> pa.Table | None:
        """The table's columns; None when it has no rows (Spark then writes no data file at all)."""
        dataset = pq.ParquetDataset(f"{self._path}/{name}", filesystem=self._fs)
        return dataset.read(columns=columns) if dataset.files else None

    def _rows(self, name: str, columns: list[str], order: str | None = "id") -> Iterator[dict[str, Any]]:
        table = self._table(name, columns)
        if table is None:
            return
        for batch in (table.sort_by(order) if order else table).to_batches(_BATCH):
            yield from batch.to_pylist()

    def nodes(self) -> Iterator[Node]:
        for r in self._rows("nodes", ["id", "labels", "props"]):
            yield Node(r["id"], tuple(r["labels"].split(":")), json.loads(r["props"]))

    def rels(self) -> Iterator[Rel]:
        for r in self._rows("rels", ["id", "type", "start", "end", "props"]):
            yield Rel(r["id"], r["type"], r["start"], r["end"], json.loads(r["props"]))

    def totals(self) -> tuple[int, int]:
        """(nodes, relationships)."""
        return self._count("nodes"), self._count("rels")

    def _count(self, name: str) -> int:
        table = self._table(name, ["id"])
        return 0 if table is None else table.num_rows

    def errors(self) -> list[tuple[str, str]]:
        """(doc, reason) of every document the job could not use, in doc order."""
        return sorted((r["doc"], r["reason"]) for r in self._rows("errors", ["doc", "reason"], order=None))

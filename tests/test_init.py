"""The package's import-time setting: one BLAS thread per process unless the user chose."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from pipeline import BLAS_THREAD_VARIABLES

# what a `kg` process loads (the CLI, then numpy through the NER), then the BLAS pools it got
PROBE = (
    "import json, pipeline.cli, numpy, threadpoolctl; "
    "print(json.dumps([p['num_threads'] for p in threadpoolctl.threadpool_info() if p['user_api'] == 'blas']))"
)


def blas_threads(**env: str) -> list[int]:
    clean = {k: v for k, v in os.environ.items() if k not in BLAS_THREAD_VARIABLES}  # CORETYPE etc. stay
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)


def test_a_kg_process_runs_one_blas_thread_by_default():
    threads = blas_threads()
    assert threads and set(threads) == {1}


def test_a_users_own_thread_count_is_kept():
    assert set(blas_threads(OPENBLAS_NUM_THREADS="2")) == {2}

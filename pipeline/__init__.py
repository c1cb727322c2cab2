"""kg: who said what about which company, from Chinese industry news."""

import os

__version__ = "0.1.0"

# BLAS libraries read these once, when numpy first loads them. kg's work is many small matrix
# products, and on shared cores a BLAS thread pool per process (one per ingest worker) costs far
# more than it gains, so kg runs one BLAS thread per process unless the user chose a number.
BLAS_THREAD_VARIABLES = (
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)
if not any(os.environ.get(name) for name in BLAS_THREAD_VARIABLES):
    os.environ.update(dict.fromkeys(BLAS_THREAD_VARIABLES, "1"))

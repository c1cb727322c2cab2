"""Where the tests find the repository: its root, the test fixtures and the sample article."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"  # articles written for the tests, with their gold
SAMPLE = ROOT / "corpus" / "000_5752d0d765a15d5f.txt"
SAMPLE_GOLD = DATA / "gold" / "000_5752d0d765a15d5f.json"

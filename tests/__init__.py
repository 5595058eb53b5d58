"""The tests, grouped by kind: unit/, site/, browser/, refusals/ (see conftest.py)."""

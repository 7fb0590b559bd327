"""ShapeSense benchmarks: `python -m bench` (full) or `python -m bench --quick` (CI)."""

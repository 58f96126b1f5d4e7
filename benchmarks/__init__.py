"""specgen's benchmarks: figures, not assertions. Run them all with `python benchmarks/run.py`."""

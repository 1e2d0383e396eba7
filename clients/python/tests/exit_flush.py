"""Records and ends without flush() or close(): the atexit hook must deliver everything."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from assay_client import AssayClient  # noqa: E402

client = AssayClient(sys.argv[1], "py", sys.argv[2], flush_interval=60)
for i in range(130):
    client.record(features={"x": i, "odd": False}, score=0.5, id=f"exit-{i}")

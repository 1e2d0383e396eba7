"""Driven by test/clients/python.test.ts against a real `assay serve` (through a proxy that answers 503
to the first requests). Prints one JSON line of what it observed; the node test checks it and the
server's counts. Usage: scenario.py URL TOKEN DEAD_URL"""

import json
import math
import sys
import threading

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), ".."))
from assay_client import AssayClient  # noqa: E402

url, token, dead_url = sys.argv[1], sys.argv[2], sys.argv[3]
errors = []
client = AssayClient(url, "py", token, version="v1", batch_size=40, flush_interval=0.05, base_delay=0.01,
                     on_error=lambda e: errors.append(str(e)))

predict = client.wrap(lambda x: {"p": x / 300}, features=lambda x: {"x": x, "odd": x % 2 == 1},
                      score=lambda o: o["p"], prediction=lambda o: int(o["p"] >= 0.5),
                      id=lambda x: f"row-{x}")
outputs = [predict(i) for i in range(200)]
assert outputs[150] == {"p": 0.5}, outputs[150]

# From several threads at once, with awkward values: NaN features, an infinite score, a bool score.
def more(start):
    for i in range(start, start + 25):
        client.record(features={"x": float("nan") if i % 5 == 0 else i, "odd": False},
                      score=math.inf if i % 7 == 0 else 0.25, id=f"row-{i}")
threads = [threading.Thread(target=more, args=(200 + 25 * k,)) for k in range(2)]
for t in threads: t.start()
for t in threads: t.join()

for i in range(0, 250, 2):
    client.label(f"row-{i}", "Yes" if i % 4 == 0 else "No")
flushed = client.flush(timeout=60)
# The same ids again: the server is idempotent by id, so the counts must not grow.
for i in range(10):
    client.record(features={"x": i, "odd": i % 2 == 1}, score=i / 300, id=f"row-{i}")
closed = client.close(timeout=60)
client.record(features={"x": 1})  # ignored after close, and must not raise

# A dead server: nothing raises, the buffer is bounded, the batch is given up on.
dead_errors = []
def bad_handler(e):
    dead_errors.append(str(e))
    raise RuntimeError("on_error itself raises")
dead = AssayClient(dead_url, "py", "x", retries=1, base_delay=0.001, max_buffer=5, batch_size=1000,
                   flush_interval=60, on_error=bad_handler)
for i in range(8):
    dead.record(features={"x": i})
dead.close(timeout=30)

print(json.dumps({
    "flushed": flushed, "closed": closed, "stats": vars(client.stats), "errors": errors,
    "dead": vars(dead.stats), "dead_errors": dead_errors,
}))

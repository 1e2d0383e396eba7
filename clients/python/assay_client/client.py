"""The client: buffers records, sends them in batches from one background thread, retries transient
failures with exponential backoff and full jitter, bounds its buffer, and never raises into the caller
when recording. Safe to call from many threads."""

from __future__ import annotations

import atexit
import json
import math
import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Deque, Dict, List, Optional

KINDS = ("predictions", "labels")


@dataclass
class ClientStats:
    sent: int = 0  # records the server acknowledged
    dropped: int = 0  # records dropped because the buffer was full
    failed: int = 0  # records in batches given up on (retries exhausted or refused by the server)
    buffered: int = 0


class AssayClient:
    def __init__(
        self,
        url: str,
        model: str,
        token: str,
        version: Optional[str] = None,
        batch_size: int = 100,
        flush_interval: float = 1.0,
        max_buffer: int = 10_000,
        retries: int = 5,
        base_delay: float = 0.2,
        max_delay: float = 10.0,
        timeout: float = 10.0,
        on_error: Optional[Callable[[Exception], None]] = None,
        flush_on_exit: bool = True,
    ) -> None:
        if batch_size < 1 or max_buffer < 1:
            raise ValueError("assay client: batch_size and max_buffer must be at least 1")
        self.url = url.rstrip("/")
        self.model = model
        self.token = token
        self.version = version
        self.batch_size = batch_size
        self.flush_interval = flush_interval
        self.max_buffer = max_buffer
        self.retries = retries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.timeout = timeout
        self.on_error = on_error
        self.stats = ClientStats()
        self._queues: Dict[str, Deque[Dict[str, Any]]] = {k: deque() for k in KINDS}
        self._in_flight = 0
        self._closed = False
        self._stopping = False
        self._flush_requested = False
        self._cond = threading.Condition()
        self._worker = threading.Thread(target=self._run, name="assay-client", daemon=True)
        self._worker.start()
        self._exit_hook = self.close if flush_on_exit else None
        if self._exit_hook:
            atexit.register(self._exit_hook)

    # ---- the caller's path: never raises ----

    def record(
        self,
        features: Dict[str, Any],
        prediction: Any = None,
        score: Optional[float] = None,
        id: Optional[str] = None,
        timestamp: Any = None,
        version: Optional[str] = None,
    ) -> str:
        """Queues one prediction; returns its id (generated when not given). Never raises."""
        rid = id if id is not None else str(uuid.uuid4())
        try:
            rec: Dict[str, Any] = {
                "id": rid,
                "timestamp": timestamp if timestamp is not None else _now_ms(),
                "features": features if features is not None else {},
                "prediction": prediction,
                "score": _finite(score),
            }
            v = version if version is not None else self.version
            if v:
                rec["version"] = v
            self._push("predictions", _jsonable(rec))
        except Exception as error:  # noqa: BLE001 - nothing reaches the caller
            self._report(error)
        return rid

    def label(self, id: str, label: Any, timestamp: Any = None) -> None:
        """Queues the observed outcome for a prediction id. Never raises."""
        try:
            rec = {"id": id, "label": label, "timestamp": timestamp if timestamp is not None else _now_ms()}
            self._push("labels", _jsonable(rec))
        except Exception as error:  # noqa: BLE001
            self._report(error)

    def wrap(
        self,
        predict: Callable[..., Any],
        features: Callable[..., Dict[str, Any]],
        score: Optional[Callable[[Any], Optional[float]]] = None,
        prediction: Optional[Callable[[Any], Any]] = None,
        id: Optional[Callable[..., str]] = None,
    ) -> Callable[..., Any]:
        """Returns a function that returns (or raises) exactly what `predict` does and records on the side."""

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            output = predict(*args, **kwargs)
            try:
                self.record(
                    features=features(*args, **kwargs),
                    score=score(output) if score else None,
                    prediction=prediction(output) if prediction else output,
                    id=id(*args, **kwargs) if id else None,
                )
            except Exception as error:  # noqa: BLE001
                self._report(error)
            return output

        return wrapped

    # ---- flushing ----

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Sends everything buffered; returns True when the buffers are empty (sent or given up on)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            self._flush_requested = True
            self._cond.notify_all()
            try:
                while self._pending_locked() > 0 or self._in_flight > 0:
                    if not self._worker.is_alive():
                        return False
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        return False
                    self._cond.wait(left if left is not None else 0.5)
                return True
            finally:
                self._flush_requested = False  # back to batching, whether or not the flush finished

    def close(self, timeout: Optional[float] = None) -> bool:
        """Flushes and stops: later records are ignored. Safe to call more than once."""
        if self._closed:
            return True
        done = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._stopping = True
            self._cond.notify_all()
        self._worker.join(timeout=1.0)
        if self._exit_hook:
            try:
                atexit.unregister(self._exit_hook)
            except Exception:  # noqa: BLE001
                pass
        return done

    def __enter__(self) -> "AssayClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ---- internals ----

    def _pending_locked(self) -> int:
        return sum(len(q) for q in self._queues.values())

    def _push(self, kind: str, rec: Dict[str, Any]) -> None:
        overflow = None
        with self._cond:
            if self._closed:
                return
            queue = self._queues[kind]
            if len(queue) >= self.max_buffer:
                queue.popleft()
                self.stats.dropped += 1
                if self.stats.dropped == 1 or self.stats.dropped % 1000 == 0:
                    overflow = RuntimeError(
                        f"assay client: buffer full ({self.max_buffer}); {self.stats.dropped} dropped so far"
                    )
            queue.append(rec)
            self.stats.buffered = self._pending_locked() + self._in_flight
            if len(queue) >= self.batch_size:
                self._cond.notify_all()
        if overflow:
            self._report(overflow)

    def _run(self) -> None:
        """The background thread: sends a batch when one is full, when the oldest record has waited
        flush_interval, or when asked to flush; one batch at a time."""
        waiting_since: Optional[float] = None
        while True:
            with self._cond:
                while True:
                    pending = self._pending_locked()
                    if pending == 0:
                        waiting_since = None
                        if self._stopping:
                            return
                        self._cond.wait()
                        continue
                    if waiting_since is None:
                        waiting_since = time.monotonic()
                    full = any(len(q) >= self.batch_size for q in self._queues.values())
                    due = time.monotonic() - waiting_since >= self.flush_interval
                    if full or due or self._flush_requested or self._stopping:
                        break
                    self._cond.wait(max(0.0, self.flush_interval - (time.monotonic() - waiting_since)))
                kind = max(KINDS, key=lambda k: len(self._queues[k]))
                queue = self._queues[kind]
                batch: List[Dict[str, Any]] = [queue.popleft() for _ in range(min(self.batch_size, len(queue)))]
                self._in_flight = len(batch)
            try:
                ok = self._send(kind, batch)
            except Exception as error:  # noqa: BLE001 - the worker must survive anything
                self._report(error)
                ok = False
            with self._cond:
                self._in_flight = 0
                if ok:
                    self.stats.sent += len(batch)
                else:
                    self.stats.failed += len(batch)
                self.stats.buffered = self._pending_locked()
                if self._pending_locked() == 0:
                    waiting_since = None
                self._cond.notify_all()

    def _send(self, kind: str, batch: List[Dict[str, Any]]) -> bool:
        url = f"{self.url}/v1/models/{urllib.parse.quote(self.model, safe='')}/{kind}"
        body = json.dumps(batch, allow_nan=False).encode("utf-8")
        last = ""
        for attempt in range(self.retries + 1):
            if attempt > 0:
                cap = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
                time.sleep(random.random() * cap)
            request = urllib.request.Request(
                url,
                data=body,
                method="POST",
                headers={"authorization": f"Bearer {self.token}", "content-type": "application/json"},
            )
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
                    return True
            except urllib.error.HTTPError as error:
                text = _read_quietly(error)
                last = f"HTTP {error.code} {text[:200]}"
                if error.code != 429 and error.code < 500:
                    break  # the server refuses this batch: retrying will not help
            except Exception as error:  # noqa: BLE001 - network errors, timeouts
                last = str(error)
        self._report(RuntimeError(f"assay client: gave up on {len(batch)} {kind}: {last}"))
        return False

    def _report(self, error: Exception) -> None:
        try:
            if self.on_error:
                self.on_error(error)
        except Exception:  # noqa: BLE001 - an on_error that raises must not reach the caller either
            pass


def _now_ms() -> int:
    return int(time.time() * 1000)


def _finite(score: Any) -> Optional[float]:
    if isinstance(score, bool) or not isinstance(score, (int, float)):
        try:
            score = float(score) if score is not None and not isinstance(score, bool) else None
        except (TypeError, ValueError):
            return None
    if score is None or not math.isfinite(score):
        return None
    return float(score)


def _jsonable(value: Any) -> Any:
    """A copy that JSON can carry, as JSON.stringify would send it: NaN and ±Inf become null; other
    values JSON does not know (dates, numpy scalars, decimals) are sent as their str()."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        try:
            return _jsonable(item())
        except Exception:  # noqa: BLE001
            pass
    return str(value)


def _read_quietly(error: urllib.error.HTTPError) -> str:
    try:
        return error.read().decode("utf-8", "replace")
    except Exception:  # noqa: BLE001
        return ""

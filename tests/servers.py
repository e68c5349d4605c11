"""Servers a test starts for itself (Redis, an S3-compatible server, gunicorn, Celery workers) on free ports.

Each is a subprocess started by `running`, which waits until it answers and always stops it,
killing it if it does not stop within its grace time.
"""

import contextlib
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_answers(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_until(condition: Callable[[], bool], *, timeout: float, what: str, interval: float = 0.2) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"Gave up after {timeout:.0f} s waiting for {what}.")
        time.sleep(interval)


def stop(process: subprocess.Popen, *, grace: float = 10) -> None:
    """Stop `process`: SIGTERM, then SIGKILL after `grace` seconds."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=grace)


@contextlib.contextmanager
def running(command: list[str], *, port: int | None = None, timeout: float = 30, **popen) -> Iterator[subprocess.Popen]:
    """Run `command` for the block, after its `port` (if given) accepts connections."""
    # A file, not a pipe: a chatty server never blocks on a full pipe nobody reads.
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, text=True, **popen)
        try:
            if port is not None:
                wait_until(lambda: port_answers(port) or process.poll() is not None, timeout=timeout, what=f"{command[0]} on port {port}")
                if process.poll() is not None:
                    raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
            yield process
        finally:
            stop(process)
            log.seek(0)
            # Shown by pytest only when the test fails.
            print(f"{' '.join(command[:4])} output (last 4,000 characters):\n{log.read()[-4000:]}")


def redis_server(port: int) -> list[str]:
    """A throwaway Redis: nothing saved to disk, so stopping it loses its queue as a crash would."""
    return ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"]

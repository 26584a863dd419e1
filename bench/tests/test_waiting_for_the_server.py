"""The national bench waits for `mappa serve` to answer before it starts locust, and says when it
never does, rather than sleeping a fixed time and losing the run on a busy machine."""

import http.server
import socket
import threading

import pytest

from bench.national import _wait_for_server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _NotFound(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        self.send_error(404)

    def log_message(self, *args):
        pass


def test_a_server_that_answers_even_with_an_error_status_is_ready():
    server = http.server.HTTPServer(("127.0.0.1", 0), _NotFound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        _wait_for_server(server.server_address[1], seconds=10)
    finally:
        server.shutdown()
        server.server_close()


def test_a_port_nobody_listens_on_is_reported_by_number():
    port = _free_port()
    with pytest.raises(RuntimeError, match=f"did not answer on port {port}"):
        _wait_for_server(port, seconds=1)

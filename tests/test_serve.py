"""``edition serve``'s server: on a free port it serves on 127.0.0.1 (a busy port: test_cli_build_serve.py)."""
from __future__ import annotations

from edition.serve import make_server


def test_free_port_serves(tmp_path):
    server = make_server(tmp_path, 0)
    try:
        assert server.server_address[0] == "127.0.0.1" and server.server_address[1] > 0
    finally:
        server.server_close()

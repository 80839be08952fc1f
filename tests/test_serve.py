"""``edition serve``: a busy port is the user's to change (a located EditionError), not an internal error."""
from __future__ import annotations

import socket

import pytest

from edition.serve import make_server
from edition.xmlio import EditionError


def test_busy_port_is_a_located_user_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(EditionError) as caught:
            make_server(tmp_path, port)
    (problem,) = caught.value.problems
    assert str(problem) == (f"127.0.0.1:{port}: port {port} is already in use "
                            "(another server is running there?): stop it, or choose another with --port")


def test_free_port_serves(tmp_path):
    """Positive control: the same call on a free port makes a server."""
    server = make_server(tmp_path, 0)
    try:
        assert server.server_address[0] == "127.0.0.1" and server.server_address[1] > 0
    finally:
        server.server_close()

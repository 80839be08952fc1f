"""The command line of incremental builds and of serving: ``build --force``, ``serve`` on a busy port, ``serve --watch``."""
from __future__ import annotations

import socket


def test_second_build_says_up_to_date_and_force_rebuilds(project_copy, run_edition, without_validation):
    first = run_edition(project_copy, "build", "--no-books")
    assert first.exit_code == 0 and first.stdout.startswith("built "), first.output
    second = run_edition(project_copy, "build", "--no-books")
    assert second.exit_code == 0, second.output
    assert second.stdout == f"up to date: nothing changed since the last build in {project_copy.build_dir} (--force rebuilds)\n"
    forced = run_edition(project_copy, "build", "--no-books", "--force")
    assert forced.exit_code == 0 and forced.stdout.startswith("built "), forced.output


def test_serve_on_a_busy_port_is_the_users_error(run_edition, project_copy, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_edition(project_copy, "serve", "--port", port, "--dir", tmp_path)
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    assert result.stderr == (f"127.0.0.1:{port}: port {port} is already in use "
                             "(another server is running there?): stop it, or choose another with --port\n")


def test_watch_with_another_folder_is_a_usage_error(run_edition, project_copy, tmp_path):
    result = run_edition(project_copy, "serve", "--watch", "--dir", tmp_path)
    assert result.exit_code == 2 and "--watch serves the project's own build/html" in result.stderr

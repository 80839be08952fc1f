"""The command line of incremental builds and of serving: ``build --force``, ``serve`` on a busy port, ``serve --watch``."""
from __future__ import annotations

import socket


def test_second_build_says_up_to_date_and_force_rebuilds(built_copy, run_edition, without_validation):
    """``built_copy`` holds the build ``edition build --no-books`` makes: the same command has nothing to do."""
    second = run_edition(built_copy, "build", "--no-books")
    assert second.exit_code == 0, second.output
    assert second.stdout == f"up to date: nothing changed since the last build in {built_copy.build_dir} (--force rebuilds)\n"
    forced = run_edition(built_copy, "build", "--no-books", "--force")
    assert forced.exit_code == 0 and forced.stdout.startswith("built "), forced.output
    third = run_edition(built_copy, "build", "--no-books")
    assert third.exit_code == 0 and third.stdout == second.stdout, third.output


def test_serve_on_a_busy_port_is_the_users_error(run_edition, project_copy):
    """The one busy-port test: ``edition serve`` of the project's build, on a port another socket holds."""
    html = project_copy.build_dir / "html"
    html.mkdir(parents=True)
    (html / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_edition(project_copy, "serve", "--port", port)
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    assert result.stderr == (f"127.0.0.1:{port}: port {port} is already in use "
                             "(another server is running there?): stop it, or choose another with --port\n")


def test_watch_with_another_folder_is_a_usage_error(run_edition, project_copy, tmp_path):
    result = run_edition(project_copy, "serve", "--watch", "--dir", tmp_path)
    assert result.exit_code == 2 and "--watch serves the project's own build/html" in result.stderr

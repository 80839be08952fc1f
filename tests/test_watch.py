"""``edition serve --watch`` (edition.watch.LiveServer) on a copy of the built edition.

The test drives it as an editor would: it saves a change to the essay and reads what
the server tells an open page (the server-sent event stream and the status endpoint)
and what it serves; then it saves an invalid edit, and sees the problems offered to the
page as overlay data while the last good build stays served, byte for byte.
"""
from __future__ import annotations

import json
import queue
import threading
import time
import urllib.request

import pytest

from edition.watch import LiveServer

from xslt_support import BUILD_OPTIONS

PARAGRAPH = '<p xml:id="p-every-class-stratum">Every class'


def _events(url: str, into: queue.Queue) -> None:
    """Read the page's event stream, as its EventSource would, into ``into``."""
    with urllib.request.urlopen(url + "__edition__/events", timeout=120) as stream:
        event = {}
        for raw in stream:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                event["event"] = line[7:]
            elif line.startswith("data: "):
                event["data"] = json.loads(line[6:])
            elif not line and event:
                into.put(event)
                event = {}


def _next_event(events: queue.Queue) -> dict:
    return events.get(timeout=90)  # a rebuild of the whole edition, on a busy machine


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.read().decode("utf-8")


@pytest.fixture
def project_copy(built_copy):
    """A copy of the edition with its build (conftest.py), which the server's first build finds up to date."""
    return built_copy


@pytest.fixture
def live(project_copy):
    messages: list[str] = []
    server = LiveServer(project_copy, port=0, parameters=BUILD_OPTIONS, quiet=True, say=messages.append)
    server.messages = messages
    with server:
        yield server


def test_edit_rebuilds_and_reloads_then_invalid_edit_shows_problems(live, project_copy):
    essay = project_copy.main_document
    original = essay.read_text(encoding="utf-8")
    assert PARAGRAPH in original
    page = _get(live.url)
    assert "/__edition__/events" in page and "Every class" in page
    built_page = (project_copy.build_dir / "html" / "index.html").read_text(encoding="utf-8")
    assert "__edition__" not in built_page, "the live-reload script must never be written into the build"

    events: queue.Queue = queue.Queue()
    threading.Thread(target=_events, args=(live.url, events), daemon=True).start()
    time.sleep(0.5)  # the stream is open

    essay.write_text(original.replace(PARAGRAPH, PARAGRAPH.replace("Every class", "Each and every class")), encoding="utf-8")
    reload = _next_event(events)
    assert reload == {"event": "build", "data": {"version": 2, "problems": []}}  # an empty list: the page reloads
    assert "Each and every class" in _get(live.url)
    assert "Each and every class" in (project_copy.build_dir / "html" / "index.html").read_text(encoding="utf-8")
    good_build = (project_copy.build_dir / "html" / "index.html").read_bytes()

    essay.write_text(original.replace(PARAGRAPH, PARAGRAPH + "<blink/>"), encoding="utf-8")
    failed = _next_event(events)
    assert failed["event"] == "build" and failed["data"]["version"] == 3
    problems = failed["data"]["problems"]
    where = f"{essay.relative_to(project_copy.root)}:{original[:original.index(PARAGRAPH)].count(chr(10)) + 1}:"
    assert problems and all(p.startswith(where) for p in problems)
    assert "element <blink> is not allowed here" in problems[0]
    assert any(problems[0] in m and "still serving the last good build" in m for m in live.messages)  # printed too
    status = json.loads(_get(live.url + "__edition__/status"))
    assert status == {"version": 3, "problems": problems}
    served = _get(live.url)
    assert "Each and every class" in served  # the last good build …
    assert json.dumps(problems).replace("</", "<\\/") in served  # … with the overlay's problems for a page loaded now
    assert (project_copy.build_dir / "html" / "index.html").read_bytes() == good_build


def test_overlay_data_cannot_close_the_script(live):
    """A problem message quoting markup stays inside the script element as data."""
    live.live.publish(['x.xml:1:1: text </script><script>alert(1)</script>'])
    served = _get(live.url)
    script = served[served.index("<script>/* edition serve --watch"):]
    assert script.index("</script>") > script.index("alert(1)")
    assert '"x.xml:1:1: text <\\/script><script>alert(1)<\\/script>"' in served

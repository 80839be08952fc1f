"""The identifier lock: once released, an ``xml:id`` is never renamed, reused or removed.

``edition/ids.lock`` lists every released identifier, one a line. A retired
identifier stays in the file as ``OLD -> SUCCESSOR``; links to it are then
redirected to its successor. Lines starting with ``#`` are comments.

>>> parse_lock("a\\nb -> a\\n").retired
{'b': 'a'}
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from typing import Callable

from lxml import etree

from .corpus import Edition
from .errors import EditionError, Problem
from .project import display_name
from .xmlio import byte_position

LINE = re.compile(r"^(?P<id>[A-Za-z_][\w.-]*)(?:\s*->\s*(?P<successor>[A-Za-z_][\w.-]*)?)?$")


@dataclass
class Lock:
    released: list[str] = field(default_factory=list)
    retired: dict[str, str | None] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)


def parse_lock(text: str) -> Lock:
    lock = Lock()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            lock.problems.append((number, f"cannot read this line of the lock file: {line!r}"))
            continue
        ident, successor = match["id"], match["successor"]
        if ident in lock.lines:
            lock.problems.append((number, f"identifier {ident!r} is listed twice (first on line {lock.lines[ident]})"))
            continue
        lock.lines[ident] = number
        if "->" in line:
            lock.retired[ident] = successor
        else:
            lock.released.append(ident)
    return lock


def read_lock(path: Path, root: Path | None = None) -> Lock:
    """The lock file (empty if there is none); :class:`EditionError`, located, if it cannot be read."""
    if not path.exists():
        return Lock()
    name = display_name(path, root)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise EditionError(Problem(name, 1, 1, f"cannot read the lock file: {err.strerror}")) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, column = byte_position(data, err.start)
        raise EditionError(Problem(name, line, column, f"the lock file is not valid UTF-8 (byte 0x{data[err.start]:02x}); "
                                   "save it as UTF-8 (identifiers are plain ASCII)")) from None
    return parse_lock(text)


def check(edition: Edition, lock_path: Path, root: Path | None = None,
          locate: Callable[[etree._Element, str], Problem] | None = None) -> list[Problem]:
    """Every locked identifier must still exist; retired ones must not, and must name an existing successor.

    ``locate`` places a problem at an element of the assembled edition (default: the edition's own guess).
    """
    locate = locate or edition.locate
    if not lock_path.exists():
        return []
    name = display_name(lock_path, root)
    try:
        lock = read_lock(lock_path, root)
    except EditionError as err:
        return err.problems
    ids = edition.ids()
    problems = [Problem(name, line, 1, message) for line, message in lock.problems]
    for ident in lock.released:
        if ident not in ids:
            problems.append(Problem(name, lock.lines[ident], 1,
                f"released identifier {ident!r} is missing from the edition: restore it, or retire it as "
                f"'{ident} -> SUCCESSOR' naming the identifier that replaces it"))
    for ident, successor in lock.retired.items():
        line = lock.lines[ident]
        if successor is None:
            problems.append(Problem(name, line, 1, f"retired identifier {ident!r} must name its successor ('{ident} -> SUCCESSOR')"))
            continue
        if ident in ids:
            problems.append(locate(ids[ident], f"identifier {ident!r} was retired (lock file line {line}) and cannot be reused"))
        final = resolve(lock, successor)
        if final is None or final not in ids:
            problems.append(Problem(name, line, 1, f"retired identifier {ident!r} points to {successor!r}, which is not in the edition"))
    return problems


def resolve(lock: Lock, ident: str, _seen: frozenset = frozenset()) -> str | None:
    """Follow retirements to the identifier now in use (None on a cycle)."""
    if ident in _seen:
        return None
    if ident in lock.retired:
        successor = lock.retired[ident]
        return resolve(lock, successor, _seen | {ident}) if successor else None
    return ident


def release(edition: Edition, lock_path: Path, root: Path | None = None) -> list[str]:
    """Add every identifier of the edition not yet in the lock; return the new ones (in document order)."""
    lock = read_lock(lock_path, root)
    if lock.problems:
        raise EditionError([Problem(display_name(lock_path, root), line, 1, msg) for line, msg in lock.problems])
    known = set(lock.lines)
    new = [i for i in edition.ids() if i not in known]
    if new:
        header = "" if lock_path.exists() else (
            "# Released identifiers of the edition: never rename, reuse or remove one.\n"
            "# Retire an identifier by writing 'OLD -> SUCCESSOR' on its line.\n")
        with lock_path.open("a", encoding="utf-8") as handle:
            handle.write(header + "".join(f"{i}\n" for i in new))
    return new



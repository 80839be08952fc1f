"""The one error type for the user's problems: located, in an editor's words.

A :class:`Problem` is one thing wrong with the input, at a file, line and column
(``line`` 0 when the problem has no place in a file, such as a port in use). An
:class:`EditionError` carries every problem found; the command line turns it into
its failure (exit 1), never into a traceback. Anything else raised is a bug in
the tools.

>>> str(Problem("edition/essay.xml", 12, 5, "element <persname> is not allowed here"))
'edition/essay.xml:12:5: element <persname> is not allowed here'
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: Severities, from the Schematron's ``role``: only errors make the edition invalid.
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located for an editor: ``file:line:col: message``."""

    file: str
    line: int
    column: int
    message: str
    #: A warning is reported but does not make the edition invalid (fails only with ``--strict``).
    warning: bool = field(default=False, compare=False)
    #: ``error``, ``warning`` or ``info``; derived from ``warning`` unless given.
    severity: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.severity:
            object.__setattr__(self, "severity", "warning" if self.warning else "error")
        elif self.severity != "error" and not self.warning:
            object.__setattr__(self, "warning", True)

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"

    @property
    def place(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file


class EditionError(Exception):
    """Invalid input or a failed step; carries every problem found."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, (Problem, str)):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

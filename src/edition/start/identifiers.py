"""New identifiers by the edition's rule (README, "Stable identifiers"), in one place.

A paragraph is ``p-`` and three or more distinctive words of its opening; a section is named after its
subject, the distinctive words of its heading. Words are folded to lower-case ASCII; short and common
words are left out. An identifier already in use, or ever released in the lock (never reused), takes the
next distinctive word of the opening, and a number only when the words run out. Never derived from a
position, so adding a paragraph changes no other identifier.

>>> Identifiers().paragraph("The scale of the disaster is difficult to grasp")
'p-scale-disaster-difficult'
>>> Identifiers({"urban-proletariat"}).section("The Urban Proletariat")
'urban-proletariat-2'
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: Words that distinguish nothing (English; other languages keep their words, which still work).
COMMON_WORDS = frozenset("""
a an and are as at be been but by can could did do does for from had has have he her here his how i if in
into is it its it's let me more most my no nor not now of on once one only or our out she so some such than
that the their them then there these they this those to too under up upon us very was we were what when where
which while who whom why will with would you your also all any each every just over same own
""".split())
#: Words taken for a paragraph's identifier, at least.
PARAGRAPH_WORDS = 3
#: Words taken for a section's identifier, at most.
SECTION_WORDS = 3


def words(text: str) -> list[str]:
    """The distinctive words of a text, in order, folded to lower-case ASCII letters and digits."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    tokens = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", folded)
    found = [t.replace("'", "") for t in tokens if t not in COMMON_WORDS and len(t) > 1]
    return list(dict.fromkeys(found))  # a word said twice distinguishes no more than once


class Identifiers:
    """Hands out identifiers that are new to ``taken`` (the edition's, and every one the lock lists)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)

    def paragraph(self, text: str) -> str:
        return self._new("p", words(text), PARAGRAPH_WORDS, fallback="paragraph")

    def section(self, heading: str, fallback: str = "section") -> str:
        found = words(heading)
        if found and found[0][0].isdigit():  # an identifier starts with a letter: "1848 and after"
            found = ["section", *found]
        return self._new("", found[:SECTION_WORDS] or [fallback], SECTION_WORDS, fallback=fallback)

    def _new(self, prefix: str, found: list[str], least: int, fallback: str) -> str:
        stem = [prefix] if prefix else []
        found = found or [fallback]
        for count in range(min(least, len(found)), len(found) + 1):
            candidate = "-".join(stem + found[:count])
            if candidate not in self.taken:
                return self._take(candidate)
        base = "-".join(stem + found)
        number = 2
        while f"{base}-{number}" in self.taken:
            number += 1
        return self._take(f"{base}-{number}")

    def _take(self, ident: str) -> str:
        self.taken.add(ident)
        return ident

"""Static full-text search: Pagefind indexes the built HTML (no network at run time)."""
from __future__ import annotations

from pathlib import Path


def index_for_search(html_dir: Path) -> None:
    """Write the Pagefind index into ``html_dir/pagefind`` (filled in by the search issue)."""
    return None

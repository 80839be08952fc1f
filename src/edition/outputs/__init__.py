"""Outputs made in Python: the search index, the places map, the books (PDF, EPUB), linked data and citation files, released versions."""

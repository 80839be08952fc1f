"""TEI edition pipeline for Robert Weil, "Conditions of the Working Classes in China"."""

__version__ = "0.1.0"

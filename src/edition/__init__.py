"""A TEI edition pipeline: validate the encoding, build the edition (HTML, text, data, search), cite by identifier."""

__version__ = "0.1.0"

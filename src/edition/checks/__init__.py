"""Checking an edition: validation (RelaxNG, Schematron, the lock), locating problems, the schema's model for messages, the name check."""

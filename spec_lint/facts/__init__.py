"""What checks read from a document, shared between check kinds: no check kind lives here."""

"""Search backends: the `SearchBackend` protocol and the embedded tantivy index."""

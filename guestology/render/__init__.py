"""Renderers: each returns a string (or bytes for binary Graphviz output); only the CLI writes."""

"""Rendering: pure functions from result objects to text, Markdown, JSON, CSV and HTML.

May import: everything below it (``_models`` ... ``timeline``).
"""

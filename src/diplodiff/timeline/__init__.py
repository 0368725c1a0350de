"""Timelines: per-formula histories across many dated statements, and weighing a
change against that record.

May import: everything below it (``_models`` ... ``diff``).
"""

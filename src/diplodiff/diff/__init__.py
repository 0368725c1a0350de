"""Diffing two statements: which things correspond (rapidfuzz), what changed (tokens),
framing cues around formulas, and ``compare()`` that wires the stages.

May import: everything below it (``_models`` ... ``find``).
"""

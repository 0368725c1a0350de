"""Finding phrases: curated lexicon hits and phrases discovered in the text.

May import: everything below it (``_models`` ... ``text``).
"""

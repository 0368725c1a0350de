"""Text: normalising for matching, sentences and word tokens with spans, speakers.

May import: ``_models``, ``_errors``, ``_options``, ``_data``, ``read``.
"""

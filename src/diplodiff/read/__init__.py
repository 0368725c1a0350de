"""Reading: statement files and formats, catalogs, dates -> ``Statement`` values.

May import: ``_models``, ``_errors``, ``_options``, ``_data``.
"""

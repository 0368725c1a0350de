"""The ``diplodiff`` command: a thin shell over the public API (``import diplodiff``)."""

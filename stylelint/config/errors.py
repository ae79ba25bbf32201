"""The error every configuration problem is reported as."""

from __future__ import annotations


class ConfigError(ValueError):
    """A config problem; ``str()`` is the one-line message for the user.

    It names the file (or ``command line``, ``request: …``), the key and what
    is allowed.
    """

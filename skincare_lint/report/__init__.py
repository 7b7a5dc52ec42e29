"""Report formats, one module each; loaded only when asked for."""

from __future__ import annotations

from importlib import import_module

FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab", "html")


def reporter(name: str):
    """The module for a format; each has render(results, summary, context) -> str."""
    return import_module(f"{__name__}.{name}_format")

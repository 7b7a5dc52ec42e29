"""Read an article's bytes into text, or say clearly why it cannot be read."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BINARY_SNIFF = 8192


class InputError(Exception):
    """An input that cannot be linted; the message is meant for the writer."""


@dataclass(frozen=True, slots=True)
class Source:
    text: str  # decoded, BOM removed, line endings as in the file
    encoding: str  # "utf-8", "utf-8-sig", "utf-16"
    data: bytes


def decode(data: bytes) -> Source:
    """Decode UTF-8 (with or without a BOM) or BOM-marked UTF-16."""
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        if b"\x00" in data[:_BINARY_SNIFF]:
            raise InputError("looks like a binary file (it contains NUL bytes), not an article")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"is not valid {encoding.upper().replace('-SIG', '')} text: byte 0x"
            f"{data[exc.start]:02x} at offset {exc.start} cannot be decoded; "
            "save the file as UTF-8"
        ) from None
    if "\x00" in text:
        raise InputError("contains NUL characters; it does not look like an article")
    return Source(text=text, encoding=encoding, data=data)


def read_source(path: str) -> Source:
    return decode(read_bytes(path))


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})") from None

"""Reading: raw bytes to decoded, numbered source lines, and which kind of raw text they are."""

from .decode import Decoded, SourceLine, decode, read_source
from .kind import TextKind, recognise_kind

__all__ = ["Decoded", "SourceLine", "TextKind", "decode", "read_source", "recognise_kind"]

"""Overrides: corrections to what the pages say, kept in `spec/overrides.yaml` (an OpenAPI Overlay 1.0
document) and applied to the IR right after parsing, so they survive every regeneration."""

from .apply import Applied, apply_overlay
from .reader import Overlay, read_overlay

__all__ = ["Applied", "Overlay", "apply_overlay", "read_overlay"]

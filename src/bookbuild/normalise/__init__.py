"""Normalising: raw source lines into the DocBook tree, through one ordered list of repairs.

Line stages see the source lines (furniture, unwrapping); block stages see Blocks (structure);
tree stages see the DocBook tree (footnotes, typography). PIPELINE pins the order.
"""

from .pipeline import PIPELINE, normalise

__all__ = ["PIPELINE", "normalise"]

"""Normalising: raw source lines into the DocBook tree, through one ordered list of named rules.

Line rules see the source lines (furniture, unwrapping); block rules see Blocks (structure);
tree rules see the DocBook tree (footnotes, typography). RULES holds them in order; a book's
chain is the preset for its kind of raw text, switched by book.toml's [rules].
"""

from .pipeline import RULES, normalise

__all__ = ["RULES", "normalise"]

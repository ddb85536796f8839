"""The DocBook tree: building it from blocks, provenance, and validation against the official schema."""

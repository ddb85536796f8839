"""Proofing: the build report (what was removed, restored, and flagged), as JSON and as text."""

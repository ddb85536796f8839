"""Rendering: the DocBook tree to an EPUB (epub.py) and a print PDF (pdf.py), both through the
shared Jinja block templates in templates/ (html.py holds the one Jinja environment)."""

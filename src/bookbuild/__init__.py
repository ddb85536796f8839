"""bookbuild: raw, damaged manuscripts in; DocBook 5, EPUB 3 and print PDF out.

The pipeline, one stage a package:

    read/       bytes -> decoded, numbered source lines (and the kind of raw text)
    normalise/  source lines -> blocks -> the DocBook tree (one ordered list of repairs)
    model/      the DocBook tree: building it, provenance, validation
    proof/      the build report
    build.py    one manuscript folder -> dist/<slug>/
    cli.py      the command line
"""

__version__ = "0.1.0"

"""The normaliser's rules as an ordered, named list that can be switched (after markdown-it-py's Ruler).

A rule is a plain function over the shared State. Each rule says which kinds of raw text it is
for; a rule that describes one website or one dump tool rather than damaged text in general is
opt-in: it runs only when a book's book.toml enables it. A preset is the default chain for a
kind of raw text: every rule for that kind that is not opt-in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import BookbuildError
from ..read import TextKind

BOTH = frozenset(TextKind)
WEB = frozenset({TextKind.WEB})
PDF = frozenset({TextKind.PDF})


@dataclass(frozen=True)
class Rule:
    name: str
    run: Callable
    kinds: frozenset[TextKind] = BOTH
    opt_in: bool = False

    @property
    def summary(self) -> str:
        """The first paragraph of the rule function's docstring."""
        return " ".join((self.run.__doc__ or "").strip().split("\n\n")[0].split())


class Ruler:
    """Rules in the order they run; a chain is the rules that apply to a text, switched by name."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = list(rules)
        names = [r.name for r in self.rules]
        if len(set(names)) != len(names):
            raise ValueError("rule names must be unique")

    @property
    def names(self) -> list[str]:
        return [r.name for r in self.rules]

    def preset(self, kind: TextKind) -> list[str]:
        """The default chain for a kind of raw text."""
        return [r.name for r in self.rules if kind in r.kinds and not r.opt_in]

    def chain(self, kind: TextKind, enable: Iterable[str] = (), disable: Iterable[str] = ()) -> list[Rule]:
        """The rules to run, in order: the kind's preset, with opt-in rules enabled and others disabled."""
        enable, disable = set(enable), set(disable)
        for name in enable | disable:
            self.get(name)
        chosen = (set(self.preset(kind)) | enable) - disable
        return [r for r in self.rules if r.name in chosen]

    def get(self, name: str) -> Rule:
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise BookbuildError(f"unknown rule '{name}' (known rules: {', '.join(self.names)})")

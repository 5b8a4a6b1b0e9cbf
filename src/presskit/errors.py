"""The errors presskit raises. Every one names the input and the reason."""

from __future__ import annotations

from typing import Any

__all__ = [
    "ExtractionError",
    "MissingExtra",
    "NotAnArticle",
    "PluginError",
    "PresskitError",
    "UnknownOutlet",
]


class PresskitError(Exception):
    """Base class of every error presskit raises on purpose.

    ``input`` names what was being processed (a path, a URL or ``"<bytes>"``) and
    ``reason`` says what went wrong, in words fit for a log line.
    """

    def __init__(self, reason: str, *, input: str | None = None) -> None:  # noqa: A002
        self.reason = reason
        self.input = input
        super().__init__(f"{input}: {reason}" if input else reason)

    def with_input(self, input: str) -> PresskitError:  # noqa: A002
        """Return the same error naming ``input`` when it names nothing yet."""
        if self.input is None:
            self.input = input
            self.args = (f"{input}: {self.reason}",)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Batches send errors back from worker processes. The default pickling would call
        # ``cls(*args)`` with the formatted message as the reason; rebuild from the state
        # instead, whatever a subclass's constructor takes.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(cls: type[PresskitError], args: tuple[Any, ...], state: dict[str, Any]) -> PresskitError:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class UnknownOutlet(PresskitError):
    """No registered outlet claims the input (its URL host, or its content)."""


class NotAnArticle(PresskitError):
    """The input belongs to an outlet but is not an article page.

    Listings, tag and author pages, home pages and teaser-only pages raise this.
    """


class ExtractionError(PresskitError):
    """The input looked like an article but its parts could not be extracted."""


class MissingExtra(PresskitError):
    """A feature needs an optional dependency that is not installed; the reason names the extra."""

    def __init__(self, feature: str, extra: str, *, input: str | None = None) -> None:  # noqa: A002
        super().__init__(f"{feature} needs the '{extra}' extra: pip install 'presskit[{extra}]'", input=input)


class PluginError(PresskitError):
    """A plugin is broken: it failed to load, or two plugins claim the same name or domain."""

"""Bladi.net (www.bladi.net): news of the Moroccan diaspora, on SPIP."""

from __future__ import annotations

from collections.abc import Callable

from presskit import Outlet, hookimpl
from presskit_bladi.outlet import BladiOutlet

__all__ = ["BladiOutlet", "presskit_register_outlets"]


@hookimpl
def presskit_register_outlets(register: Callable[[Outlet], None]) -> None:
    """Register the Bladi.net outlet."""
    register(BladiOutlet())

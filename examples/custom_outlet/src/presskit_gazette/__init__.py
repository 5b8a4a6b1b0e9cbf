"""La Gazette du Détroit: an example presskit outlet plugin (the outlet is invented)."""

from __future__ import annotations

from collections.abc import Callable

from presskit import Outlet, hookimpl
from presskit_gazette.outlet import GazetteOutlet

__all__ = ["GazetteOutlet", "presskit_register_outlets"]


@hookimpl
def presskit_register_outlets(register: Callable[[Outlet], None]) -> None:
    """Register the Gazette outlet."""
    register(GazetteOutlet())

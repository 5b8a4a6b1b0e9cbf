"""L'Opinion (lopinion.ma): Moroccan daily, on the WMaker template and a newer Next.js site."""

from __future__ import annotations

from collections.abc import Callable

from presskit import Outlet, hookimpl
from presskit_lopinion.outlet import LopinionOutlet

__all__ = ["LopinionOutlet", "presskit_register_outlets"]


@hookimpl
def presskit_register_outlets(register: Callable[[Outlet], None]) -> None:
    """Register the L'Opinion outlet."""
    register(LopinionOutlet())

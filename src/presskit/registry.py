"""The registry of outlets, built by a factory from the ``presskit`` entry points.

Nothing is registered at import time and there is no module-level mutable
registry: :func:`load_registry` builds a fresh, immutable :class:`Registry` each
time it is called; :func:`default_registry` caches one for the public API.
"""

from __future__ import annotations

import importlib.metadata
import os
import warnings
from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

import attrs
import pluggy

from presskit import hookspecs
from presskit.errors import PluginError, UnknownOutlet
from presskit.outlet import Outlet

__all__ = [
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "OutletInfo",
    "PluginWarning",
    "Registry",
    "default_registry",
    "load_registry",
]

ENTRY_POINT_GROUP = "presskit"
"""Entry-point group under which built-in and third-party plugins are declared."""

DISABLE_ENV = "PRESSKIT_DISABLE_PLUGINS"
"""Environment variable: comma-separated entry-point names of plugins not to load."""


class PluginWarning(UserWarning):
    """A plugin could not be loaded; the others keep working."""


@attrs.frozen(kw_only=True)
class OutletInfo:
    """Where a registered outlet comes from."""

    outlet: Outlet
    """The outlet instance."""

    plugin: str
    """Name of the plugin (entry-point name) that registered it."""

    distribution: str | None = None
    """Name of the installed distribution providing the plugin, when known."""

    version: str | None = None
    """Version of that distribution, when known."""


class _CorePlugin:
    """presskit's own hook implementations (not an outlet)."""

    @hookspecs.hookimpl(trylast=True)
    def presskit_extract_article(self, outlet: Outlet, document: Any) -> Any:
        return outlet.extract(document)


@attrs.frozen(kw_only=True)
class Registry:
    """Every registered outlet and the hooks of the loaded plugins. Immutable."""

    infos: Mapping[str, OutletInfo]
    """Registered outlets by name, in registration order."""

    manager: pluggy.PluginManager = attrs.field(repr=False)
    """The plugin manager whose ``hook`` attribute calls the loaded plugins."""

    @property
    def outlets(self) -> tuple[Outlet, ...]:
        """The registered outlets, in registration order."""
        return tuple(info.outlet for info in self.infos.values())

    @property
    def hook(self) -> Any:
        """The hook relay (``registry.hook.presskit_choose_outlet(...)``)."""
        return self.manager.hook

    def get(self, name: str) -> Outlet:
        """The outlet called ``name``; :class:`UnknownOutlet` when there is none."""
        info = self.infos.get(name)
        if info is None:
            known = ", ".join(sorted(self.infos)) or "none"
            raise UnknownOutlet(f"no outlet named {name!r} (registered: {known})")
        return info.outlet

    def for_host(self, host: str) -> Outlet | None:
        """The outlet whose domains cover ``host``, or None."""
        for outlet in self.outlets:
            if outlet.claims_host(host):
                return outlet
        return None


def _disabled_from_env() -> set[str]:
    return {name.strip() for name in os.environ.get(DISABLE_ENV, "").split(",") if name.strip()}


def load_registry(
    *,
    entry_points: bool = True,
    plugins: Iterable[tuple[str, object]] = (),
    disabled: Iterable[str] | None = None,
) -> Registry:
    """Build a registry from installed plugins.

    :param entry_points: load the plugins declared in the ``presskit`` entry-point
        group (built-in outlets are declared there too).
    :param plugins: extra ``(name, plugin)`` pairs to register, e.g. in tests.
    :param disabled: plugin names not to load; defaults to the names listed in the
        ``PRESSKIT_DISABLE_PLUGINS`` environment variable.
    :raises PluginError: when two outlets claim the same name or domain.

    A plugin that fails to import is skipped with a :class:`PluginWarning`.
    """
    blocked = _disabled_from_env() if disabled is None else set(disabled)
    manager = pluggy.PluginManager("presskit")
    manager.add_hookspecs(hookspecs)
    manager.register(_CorePlugin(), name="presskit.core")
    sources: dict[str, tuple[str | None, str | None]] = {}
    if entry_points:
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if ep.name in blocked or manager.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # noqa: BLE001 - any import failure disables one plugin only
                warnings.warn(
                    f"presskit plugin {ep.name!r} ({ep.value}) failed to load and is skipped: "
                    f"{type(exc).__name__}: {exc}",
                    PluginWarning,
                    stacklevel=2,
                )
                continue
            manager.register(plugin, name=ep.name)
            dist = ep.dist
            sources[ep.name] = (dist.name if dist else None, dist.version if dist else None)
    for name, plugin in plugins:
        if name not in blocked:
            manager.register(plugin, name=name)

    infos: dict[str, OutletInfo] = {}
    for impl in manager.hook.presskit_register_outlets.get_hookimpls():
        plugin_name = impl.plugin_name
        distribution, version = sources.get(plugin_name, (None, None))

        def register(
            outlet: Outlet, _plugin: str = plugin_name, _dist: Any = distribution, _version: Any = version
        ) -> None:
            _check_unique(outlet, _plugin, infos)
            infos[outlet.name] = OutletInfo(
                outlet=outlet, plugin=_plugin, distribution=_dist, version=_version
            )

        impl.function(register=register)
    return Registry(infos=MappingProxyType(infos), manager=manager)


def _check_unique(outlet: Outlet, plugin: str, infos: Mapping[str, OutletInfo]) -> None:
    if not isinstance(outlet, Outlet):
        raise PluginError(f"plugin {plugin!r} registered {outlet!r}, which is not an Outlet")
    if outlet.name in infos:
        other = infos[outlet.name].plugin
        raise PluginError(
            f"outlet name {outlet.name!r} is claimed by plugin {other!r} and by plugin {plugin!r}"
        )
    for info in infos.values():
        shared = set(info.outlet.domains) & set(outlet.domains)
        if shared:
            raise PluginError(
                f"domain {sorted(shared)[0]!r} is claimed by outlet {info.outlet.name!r} "
                f"(plugin {info.plugin!r}) and by outlet {outlet.name!r} (plugin {plugin!r})"
            )


@cache
def default_registry() -> Registry:
    """The registry of installed plugins, built on first use and reused after."""
    return load_registry()

"""Building the plugin manager: built-ins, installed packs and rules folders.

There is no global plugin manager: :func:`get_plugin_manager` makes a fresh
one for a configuration, so two configurations in one process (two CMS
calls, two tests) never see each other's plugins.

Load order: built-in parsers and formatters, the built-in rule packs
(``stylelint_rules``), the rules a config declares as data, installed packs
from the ``stylelint`` entry-point group (unless
``STYLELINT_DISABLE_PLUGIN_AUTOLOAD`` is set; ``STYLELINT_LOAD_PLUGINS`` names
the only ones to load), then the modules and data files of each rules folder.
A plugin that fails to load is reported, by name and file, and the others are
still used.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pluggy

from stylelint import hookimpl
from stylelint.engine import hookspecs

if TYPE_CHECKING:
    from stylelint.config.model import Config

PROJECT = "stylelint"
ENTRY_POINT_GROUP = "stylelint"

BUILTIN_PLUGINS = (
    "stylelint.parsers.text",
    "stylelint.parsers.markdown",
    "stylelint.parsers.html",
    "stylelint.report.formatters.text",
    "stylelint.report.formatters.json",
    "stylelint.report.formatters.sarif",
    "stylelint.report.formatters.github",
    "stylelint.report.formatters.junit",
    "stylelint.report.formatters.gitlab",
    "stylelint.report.formatters.html",
    "stylelint_rules",
)

_DATA_SUFFIXES = (".toml", ".tsv", ".csv")


@dataclass
class PluginSet:
    """A plugin manager plus what went wrong while filling it."""

    pm: pluggy.PluginManager
    errors: list[str] = field(default_factory=list)
    #: plugin object → display name (distribution or path) for --list-rules.
    names: dict[int, str] = field(default_factory=dict)

    def name_of(self, plugin: object) -> str:
        """Display name of a registered plugin."""
        return self.names.get(id(plugin)) or self.pm.get_name(plugin) or repr(plugin)


class ConfigRules:
    """The rules a config declares as data: ``[[rules]]`` and ``dictionaries``."""

    @hookimpl
    def register_rules(self, config: Config) -> list:
        """Rules from the config's ``rules`` tables and ``dictionaries``."""
        from stylelint.rule.declarative import build_rule, dictionary_rules

        rules = [build_rule(spec, "config") for spec in config.rules]
        rules.extend(dictionary_rules(config))
        return rules


class DataRules:
    """Rules declared by the TOML/TSV/CSV files of one rules folder."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files

    @hookimpl
    def register_rules(self) -> list:
        """One rule per dictionary file, one per ``[[rule]]`` table."""
        from stylelint.rule.declarative import rules_from_file

        rules = []
        for path in self.files:
            rules.extend(rules_from_file(path))
        return rules


def _import_path(path: Path) -> ModuleType:
    """Import a rules-folder module by path under a name unique to the path."""
    digest = hashlib.blake2b(str(path.resolve()).encode(), digest_size=6).hexdigest()
    name = f"stylelint_local_{digest}_{path.stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    return _load(spec)


def _load(spec: importlib.machinery.ModuleSpec) -> ModuleType:
    """Run a module from its spec, registered in ``sys.modules`` only if it loads."""
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(spec.name, None)
        raise
    return module


#: The built-in packs' folder in a source checkout (installed as stylelint_rules).
CHECKOUT_RULES = Path(__file__).resolve().parents[2] / "rules"


def _import_builtin(modname: str) -> ModuleType:
    """Import a built-in plugin; in an uninstalled checkout, rules/ by path.

    ``python -m stylelint`` run from a clone (no ``pip install``) then sees
    the same rules as an installed copy.
    """
    try:
        return importlib.import_module(modname)
    except ModuleNotFoundError as exc:
        if modname != "stylelint_rules" or exc.name != modname or not (CHECKOUT_RULES / "__init__.py").is_file():
            raise
    return _load(importlib.util.spec_from_file_location(
        modname, CHECKOUT_RULES / "__init__.py", submodule_search_locations=[str(CHECKOUT_RULES)]
    ))


def _entry_points() -> list[metadata.EntryPoint]:
    eps = metadata.entry_points()
    group = eps.select(group=ENTRY_POINT_GROUP) if hasattr(eps, "select") else eps.get(ENTRY_POINT_GROUP, [])
    return sorted(group, key=lambda ep: ep.name)


def one_line(exc: BaseException) -> str:
    """``Type: message`` on one line (a message may hold newlines)."""
    return " ".join(f"{type(exc).__name__}: {exc}".split()).removesuffix(":")


def get_plugin_manager(
    config: Config | None = None, *, extra_plugins: tuple[Any, ...] = (), autoload: bool | None = None
) -> PluginSet:
    """A fresh plugin manager with every plugin for ``config`` registered.

    :param config: supplies ``rules_dirs``; None loads the defaults only.
    :param extra_plugins: plugin objects to register too (tests, the API).
    :param autoload: load installed packs; None follows
        ``STYLELINT_DISABLE_PLUGIN_AUTOLOAD``.
    """
    if autoload is None:
        autoload = not os.environ.get("STYLELINT_DISABLE_PLUGIN_AUTOLOAD")
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    plugins = PluginSet(pm)

    def register(plugin: object, name: str, display: str | None = None) -> None:
        try:
            pm.register(plugin, name=name)
        except Exception as exc:  # a bad hookimpl signature and the like
            plugins.errors.append(f"plugin {display or name}: {one_line(exc)}")
            return
        plugins.names[id(plugin)] = display or name

    for modname in BUILTIN_PLUGINS:
        try:
            module = _import_builtin(modname)
        except Exception as exc:  # a broken install: say which part is missing
            plugins.errors.append(f"built-in plugin {modname} failed to import: {one_line(exc)}")
            continue
        register(module, modname, "stylelint" if modname != "stylelint_rules" else "stylelint (rules/)")
    register(ConfigRules(), "stylelint.config-rules", "config")

    if autoload:
        only = {p.strip() for p in os.environ.get("STYLELINT_LOAD_PLUGINS", "").split(",") if p.strip()}
        for ep in _entry_points():
            if only and ep.name not in only:
                continue
            dist = getattr(ep, "dist", None)
            display = f"{dist.name} {dist.version}" if dist else ep.name
            try:
                plugin = ep.load()
            except (Exception, SystemExit) as exc:  # an installed pack must not end the run
                plugins.errors.append(f"plugin {ep.name} ({ep.value}): failed to load: {one_line(exc)}")
                continue
            if pm.is_registered(plugin):
                continue
            register(plugin, f"entrypoint:{ep.name}", display)

    for folder in (config.rules_dirs if config else ()):
        load_rules_dir(plugins, Path(folder))

    for plugin in extra_plugins:
        register(plugin, f"extra:{id(plugin)}", getattr(plugin, "__name__", None) or type(plugin).__name__)

    # A misspelled hook name fails loudly; the plugin is dropped, the rest run.
    while True:
        try:
            pm.check_pending()
            break
        except pluggy.PluginValidationError as exc:
            bad = exc.plugin
            plugins.errors.append(f"plugin {plugins.name_of(bad)}: {exc}")
            pm.unregister(bad)
    return plugins


def load_rules_dir(plugins: PluginSet, folder: Path) -> None:
    """Register every ``*.py`` module and the data files of a rules folder."""
    if not folder.is_dir():
        plugins.errors.append(f"{folder}: rules_dirs: not a folder")
        return
    for path in sorted(folder.iterdir()):
        if path.suffix == ".py" and not path.name.startswith("_"):
            try:
                module = _import_path(path)
            except (Exception, SystemExit) as exc:
                plugins.errors.append(f"{path}: plugin failed to import: {one_line(exc)}")
                continue
            if plugins.pm.is_registered(module):
                continue
            try:
                plugins.pm.register(module, name=f"rules-dir:{path}")
                plugins.names[id(module)] = str(path)
            except Exception as exc:
                plugins.errors.append(f"{path}: {one_line(exc)}")
    data = sorted(p for p in folder.iterdir() if p.suffix in _DATA_SUFFIXES)
    if data:
        holder = DataRules(data)
        plugins.pm.register(holder, name=f"rules-dir-data:{folder}")
        plugins.names[id(holder)] = str(folder)

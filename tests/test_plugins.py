"""Plugin loading: entry points, rules folders, misspelled hooks, broken plugins."""

from __future__ import annotations

import importlib
import sys
import textwrap

import pytest

from stylelint.config.model import Config, load_config
from stylelint.engine.hookspecs import hook_names
from stylelint.engine.linter import Linter
from stylelint.engine.plugins import get_plugin_manager
from stylelint.rule.testing import check_examples

PACK = '''
from stylelint import Example, Substitution, hookimpl

WIRE = Substitution(
    id="WIR001", name="editorializing-verb", summary="Use said.",
    rationale="Neutral attribution.", source="Wire desk memo",
    swap={"slammed": "criticized"},
    examples=(Example(wrong="The mayor slammed the plan.", right="The mayor criticized the plan."),),
)

@hookimpl
def register_rules():
    return [WIRE]
'''


def install_fake_dist(root, name="stylelint_wire", ep_name="wire", body=PACK):
    """A package plus dist-info with a `stylelint` entry point, importable from root."""
    (root / f"{name}.py").write_text(textwrap.dedent(body), encoding="utf-8")
    dist = root / f"{name.replace('_', '-')}-1.2.3.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name.replace('_', '-')}\nVersion: 1.2.3\n")
    (dist / "entry_points.txt").write_text(f"[stylelint]\n{ep_name} = {name}\n")
    return root


@pytest.fixture
def fake_pack(tmp_path, monkeypatch):
    install_fake_dist(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    monkeypatch.delenv("STYLELINT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    yield tmp_path
    sys.modules.pop("stylelint_wire", None)


def test_entry_point_pack_is_loaded_and_runs(fake_pack):
    linter = Linter(Config())
    rule = linter.rule("WIR001")
    assert rule is not None and rule.plugin == "stylelint-wire 1.2.3"
    vs = linter.lint_source("The mayor slammed the plan.", None, "text").violations
    assert [(v.rule_id, v.suggestion) for v in vs] == [("WIR001", "criticized")]
    check_examples(rule)  # third-party examples run as tests too


def test_autoload_can_be_disabled_or_restricted(fake_pack, monkeypatch):
    monkeypatch.setenv("STYLELINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert Linter(Config()).rule("WIR001") is None
    monkeypatch.delenv("STYLELINT_DISABLE_PLUGIN_AUTOLOAD")
    monkeypatch.setenv("STYLELINT_LOAD_PLUGINS", "other")
    assert Linter(Config()).rule("WIR001") is None
    monkeypatch.setenv("STYLELINT_LOAD_PLUGINS", "wire")
    assert Linter(Config()).rule("WIR001") is not None


def test_misspelled_hook_fails_clearly(tmp_path):
    (tmp_path / "typo.py").write_text("from stylelint import hookimpl\n@hookimpl\ndef register_rule():\n    return []\n")
    cfg = Config(rules_dirs=(str(tmp_path),))
    plugins = get_plugin_manager(cfg, autoload=False)
    assert len(plugins.errors) == 1
    assert "typo.py" in plugins.errors[0] and "unknown hook 'register_rule'" in plugins.errors[0]
    # The rest still works.
    assert Linter(cfg, plugins=plugins).rule("ATT001") is not None


def test_plugin_that_fails_to_import_is_named(tmp_path):
    (tmp_path / "broken.py").write_text("raise ImportError('needs spacy')\n")
    (tmp_path / "crashy.py").write_text(
        "from stylelint import hookimpl\n@hookimpl\ndef register_rules():\n    raise ValueError('bad data file')\n"
    )
    linter = Linter(Config(rules_dirs=(str(tmp_path),)), plugins=get_plugin_manager(Config(rules_dirs=(str(tmp_path),)), autoload=False))
    joined = "\n".join(linter.errors)
    assert "broken.py: plugin failed to import: ImportError: needs spacy" in joined
    assert "crashy.py: register_rules failed: ValueError: bad data file" in joined
    assert linter.rule("ATT001") is not None


def test_rules_dir_modules_and_word_lists(tmp_path):
    house = tmp_path / "house"
    house.mkdir()
    (house / "local.py").write_text(textwrap.dedent(PACK).replace("WIR001", "LOC001"))
    (house / "HSE001-house-words.tsv").write_text("# wrong\tright\nadvisor\tadviser\ttitle in AP\nKiev\tKyiv\n")
    (house / "HSE002.toml").write_text(
        '[[rule]]\nid = "HSE002"\nname = "no-shock"\nkind = "existence"\nterms = ["shock"]\n'
        'summary = "No shock."\nmessage = "Drop \'{match}\'."\n'
        'examples = [{wrong = "A shock result.", right = "A surprise result."}]\n'
    )
    (tmp_path / "stylelint.toml").write_text('rules_dirs = ["house"]\n')
    cfg = load_config(tmp_path / "stylelint.toml")
    linter = Linter(cfg, plugins=get_plugin_manager(cfg, autoload=False))
    assert linter.errors == []
    for rid in ("LOC001", "HSE001", "HSE002"):
        check_examples(linter.rule(rid))
    vs = [
        v for v in linter.lint_source("The advisor slammed Kiev in a shock move.", None, "text").violations
        if v.rule_id[:3] in ("HSE", "LOC")
    ]
    got = [(v.rule_id, v.match, v.suggestion) for v in vs]
    assert got == [
        ("HSE001", "advisor", "adviser"),
        ("LOC001", "slammed", "criticized"),
        ("HSE001", "Kiev", "Kyiv"),
        ("HSE002", "shock", None),
    ]
    assert "title in AP" in vs[0].message


def test_bad_word_list_line_is_named(tmp_path):
    (tmp_path / "HSE001-words.tsv").write_text("advisor\tadviser\njustoneword\n")
    linter = Linter(Config(rules_dirs=(str(tmp_path),)), plugins=get_plugin_manager(Config(rules_dirs=(str(tmp_path),)), autoload=False))
    assert any("HSE001-words.tsv:2: expected 'wrong<TAB>right'" in e for e in linter.errors), linter.errors


def test_config_dictionaries_and_inline_rules(tmp_path):
    (tmp_path / "desk.tsv").write_text("e-mail\temail\n")
    (tmp_path / "stylelint.toml").write_text(
        'dictionaries = ["desk.tsv", {path = "desk.tsv", id = "DSK001", severity = "error"}]\n'
        '[[rules]]\nid = "DSK002"\nkind = "pattern"\npattern = "\\\\b(?P<target>irregardless)\\\\b"\n'
        'message = "Not a word: {match}."\n'
    )
    cfg = load_config(tmp_path / "stylelint.toml")
    linter = Linter(cfg, plugins=get_plugin_manager(cfg, autoload=False))
    vs = [v for v in linter.lint_source("Send an e-mail, irregardless.", None, "text").violations if v.rule_id[:3] != "SPL" or v.rule_id == "SPL900"]
    assert sorted((v.rule_id, str(v.severity)) for v in vs) == [("DSK001", "error"), ("DSK002", "warning"), ("SPL900", "warning")]


def test_duplicate_rule_ids_are_reported(tmp_path):
    (tmp_path / "dup.py").write_text(textwrap.dedent(PACK).replace("WIR001", "ATT001"))
    cfg = Config(rules_dirs=(str(tmp_path),))
    linter = Linter(cfg, plugins=get_plugin_manager(cfg, autoload=False))
    assert any("rule id ATT001 is already provided by" in e for e in linter.errors)


def test_every_hook_is_documented_in_plugins_md():
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "plugins.md").read_text(encoding="utf-8")
    import inspect

    from stylelint.engine import hookspecs

    for name in hook_names():
        sig = f"{name}{inspect.signature(getattr(hookspecs, name))}".replace("'", "")
        assert f"`{sig}`" in doc, f"docs/plugins.md lacks the signature {sig}"


def test_uninstalled_checkout_loads_rules_folder_by_path():
    # As `python -m stylelint` from a clone without `pip install`: no stylelint_rules package.
    import subprocess

    code = textwrap.dedent(
        """
        import sys, importlib.abc
        class NotInstalled(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path, target=None):
                if name == "stylelint_rules":
                    raise ModuleNotFoundError("No module named 'stylelint_rules'", name=name)
        sys.meta_path.insert(0, NotInstalled())
        from stylelint.config.model import Config
        from stylelint.engine.linter import Linter
        from stylelint.engine.plugins import CHECKOUT_RULES, get_plugin_manager
        linter = Linter(Config(), plugins=get_plugin_manager(Config(), autoload=False))
        import stylelint_rules
        assert stylelint_rules.__file__ == str(CHECKOUT_RULES / "__init__.py"), stylelint_rules.__file__
        assert linter.errors == [], linter.errors
        print(len(linter.all_rules))
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    from stylelint.rule.docs import builtin_rules

    assert int(proc.stdout) == len(builtin_rules())

"""Config discovery, validation messages and per-path overrides."""

from __future__ import annotations

import os

import pytest

from stylelint.config.model import (
    ConfigError,
    ConfigResolver,
    config_from_mapping,
    find_config_file,
    load_config,
)
from stylelint.model.findings import Severity


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_wins(tmp_path):
    write(tmp_path / "stylelint.toml", 'profile = "nyt"\n')
    write(tmp_path / "desk" / ".stylelint.toml", 'profile = "guardian"\n')
    art = write(tmp_path / "desk" / "a" / "story.txt", "x")
    r = ConfigResolver()
    assert r.for_path(str(art)).profile == "guardian"
    assert r.for_path(str(tmp_path / "other.txt")).profile == "nyt"


def test_pyproject_table_only_when_present(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    assert find_config_file(tmp_path) in (None,) or find_config_file(tmp_path).name != "pyproject.toml" or False
    write(tmp_path / "pyproject.toml", "[tool.stylelint]\nselect = ['ATT']\n")
    cfg = load_config(tmp_path / "pyproject.toml")
    assert cfg.select == ("ATT",)


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ('profil = "ap"', "profil: unknown key (allowed:"),
        ('profile = "times"', "profile: unknown profile 'times' (allowed: ap, guardian, nyt)"),
        ('select = ["attribution"]', "select: 'attribution' is not a rule id or prefix"),
        ('fail_on = "fatal"', "fail_on: got 'fatal' (allowed: error, warning, info)"),
        ("[severity]\nATT001 = 'loud'", "severity.ATT001: got 'loud'"),
        ("[settings]\ncourtesy_titles = 'sometimes'", "settings.courtesy_titles: got 'sometimes' (allowed: none, later)"),
        ("[settings]\ncolour = 'red'", "settings.colour: unknown setting"),
        ("max_file_size = -1", "max_file_size: expected a positive number of bytes"),
        ("[[overrides]]\nselect = ['ATT']", "overrides[0]: missing 'paths'"),
        ("[[overrides]]\npaths = ['*.md']\nbogus = 1", "overrides[0].bogus: unknown key"),
        ("dictionaries = ['missing.tsv']", "dictionaries[0].path: no such file"),
        ("[[rules]]\nid = 'HSE001'\nkind = 'magic'", "rules[0]: kind: got 'magic'"),
        ("[[rules]]\nid = 'bad'\nkind = 'existence'\nterms = ['x']", "rules[0]: id: got 'bad'"),
        ("profile = ", "invalid TOML"),
    ],
)
def test_bad_config_names_file_key_and_allowed(tmp_path, toml, needle):
    path = write(tmp_path / "stylelint.toml", toml + "\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    msg = str(err.value)
    assert msg.startswith(str(path)), msg
    assert needle in msg, msg
    assert "\n" not in msg


def test_overrides_by_glob_relative_to_config(tmp_path):
    write(
        tmp_path / "stylelint.toml",
        'ignore = ["NUM"]\n[[overrides]]\npaths = ["opinion/*.md"]\nprofile = "nyt"\nignore = ["ATT"]\n'
        '[overrides.severity]\nHON = "info"\n',
    )
    cfg = load_config(tmp_path / "stylelint.toml")
    op = cfg.for_path(str(tmp_path / "opinion" / "col.md"))
    assert op.profile == "nyt" and op.ignore == ("ATT",) and op.severity["HON"] is Severity.INFO
    news = cfg.for_path(str(tmp_path / "news" / "story.md"))
    assert news.profile == "ap" and news.ignore == ("NUM",)


def test_exclude_globs(tmp_path):
    write(tmp_path / "stylelint.toml", 'exclude = ["drafts/", "*.tmp.md"]\n')
    cfg = load_config(tmp_path / "stylelint.toml")
    assert cfg.is_excluded(str(tmp_path / "drafts" / "a.md"))
    assert cfg.is_excluded(str(tmp_path / "x.tmp.md"))
    assert not cfg.is_excluded(str(tmp_path / "news" / "a.md"))


def test_paths_relative_to_config_file(tmp_path):
    write(tmp_path / "desk" / "words.tsv", "advisor\tadviser\n")
    write(tmp_path / "desk" / "stylelint.toml", 'dictionaries = ["words.tsv"]\nrules_dirs = ["house"]\n')
    cfg = load_config(tmp_path / "desk" / "stylelint.toml")
    assert cfg.dictionaries[0]["path"] == os.path.normpath(tmp_path / "desk" / "words.tsv")
    assert cfg.rules_dirs == (os.path.normpath(tmp_path / "desk" / "house"),)


def test_mapping_config_for_api():
    cfg = config_from_mapping({"profile": "nyt", "select": ["ATT"], "severity": {"ATT001": "error"}})
    assert cfg.profile == "nyt" and cfg.severity == {"ATT001": Severity.ERROR}
    with pytest.raises(ConfigError, match="config: selec: unknown key"):
        config_from_mapping({"selec": ["ATT"]})


def test_cli_values_layer_over_discovered(tmp_path):
    write(tmp_path / "stylelint.toml", 'profile = "nyt"\nrules_dirs = ["a"]\n')
    art = write(tmp_path / "s.txt", "x")
    r = ConfigResolver(cli={"profile": "guardian", "rules_dirs": (str(tmp_path / "b"),)})
    cfg = r.for_path(str(art))
    assert cfg.profile == "guardian"
    assert cfg.rules_dirs == (os.path.normpath(tmp_path / "a"), str(tmp_path / "b"))

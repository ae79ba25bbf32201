"""Profiles: complete, valid, documented, and selectable by config, API and CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import stylelint
from stylelint.config.errors import ConfigError
from stylelint.config.profiles import (
    DEFAULT_PROFILE,
    PROFILES,
    SETTINGS,
    check_setting,
    get_profile,
)
from stylelint.rule.testing import lint

from clihelp import run
from conftest import REFERENCE, ROOT

#: Settings that describe an article rather than a house style.
PER_ARTICLE = {"publication_date"}
DOC = ROOT / "docs" / "profiles.md"

# One probe sentence whose house spelling differs in each profile (SPL001).
PROBE = "Volodymyr Zelenskyy met Zelensky and Zelenskiy in Kyiv."
EXPECTED = {"ap": "Zelenskyy", "nyt": "Zelensky", "guardian": "Zelenskiy"}


def house_forms(violations) -> set[str]:
    return {v.suggestion for v in violations if v.rule_id == "SPL001"}


# -- the profiles themselves ------------------------------------------------------


def test_the_three_profiles_and_the_default():
    assert set(PROFILES) == {"ap", "nyt", "guardian"}
    assert DEFAULT_PROFILE == "ap"
    assert set(EXPECTED) == set(PROFILES)


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_every_profile_defines_every_setting(name):
    profile = PROFILES[name]
    assert profile.name == name and profile.description
    missing = set(SETTINGS) - PER_ARTICLE - set(profile.settings)
    assert not missing, f"{name} lacks {sorted(missing)}"
    unknown = set(profile.settings) - set(SETTINGS)
    assert not unknown, f"{name} sets unknown {sorted(unknown)}"
    for key, value in profile.settings.items():
        assert check_setting(key, value) is None, (name, key, value)


def test_profiles_differ_where_the_house_styles_differ():
    ap, nyt, gu = (PROFILES[n].settings for n in ("ap", "nyt", "guardian"))
    assert (ap["courtesy_titles"], nyt["courtesy_titles"], gu["courtesy_titles"]) == ("none", "later", "none")
    assert gu["abbreviation_periods"] is False and ap["abbreviation_periods"] is True
    assert (ap["date_order"], gu["date_order"]) == ("mdy", "dmy")
    assert (ap["time_style"], gu["time_style"]) == ("ap", "uk")
    assert ap["datelines"] and not nyt["datelines"] and not gu["datelines"]
    assert (ap["spelling"], gu["spelling"]) == ("us", "uk")


def test_unknown_profile_names_the_allowed_ones():
    with pytest.raises(KeyError, match="allowed: ap, guardian, nyt"):
        get_profile("times")


# -- the documentation agrees with the code -------------------------------------------


def _settings_table() -> dict[str, list[str]]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Settings", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        m = re.match(r"\|\s*`(\w+)`\s*\|(.*)\|", line)
        if m:
            cells = [c.strip().strip("`") for c in m.group(2).split("|")]
            rows[m.group(1)] = cells
    return rows


def test_docs_settings_table_matches_profiles():
    rows = _settings_table()
    assert set(rows) == set(SETTINGS) - PER_ARTICLE
    order = ["ap", "nyt", "guardian"]
    for key, cells in rows.items():
        for i, name in enumerate(order):
            value = PROFILES[name].settings[key]
            shown = str(value).lower() if isinstance(value, bool) else str(value)
            assert cells[i] == shown, f"docs/profiles.md: {key} for {name} says {cells[i]!r}, code says {shown!r}"
        assert re.search(r"[A-Z]{3}\d{3}", cells[3]), f"{key}: no rule named"


def test_docs_name_a_source_for_every_difference():
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Every profile difference and its source", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| point")]
    assert len(rows) >= 12
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 6, row
        source, implemented = cells[4], cells[5]
        assert source, row
        assert re.search(r"[A-Z]{3}\d{3}|`\w+`", implemented), row


# -- selecting a profile ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_select_by_api_argument(name):
    report = stylelint.lint_text(PROBE, input_format="text", profile=name, select=["SPL001"])
    assert house_forms(report.files[0].violations) == {EXPECTED[name]}


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_select_by_config_mapping(name):
    report = stylelint.lint_text(PROBE, input_format="text", config={"profile": name, "select": ["SPL001"]})
    assert house_forms(report.files[0].violations) == {EXPECTED[name]}


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_select_by_testing_helper(name):
    assert house_forms(lint(PROBE, profile=name, select=("SPL001",))) == {EXPECTED[name]}


def test_default_profile_is_ap():
    report = stylelint.lint_text(PROBE, input_format="text", select=["SPL001"], config={})
    assert house_forms(report.files[0].violations) == {"Zelenskyy"}


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_select_by_config_file(tmp_path: Path, name):
    (tmp_path / "stylelint.toml").write_text(f'profile = "{name}"\nselect = ["SPL001"]\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(PROBE + "\n", encoding="utf-8")
    report = stylelint.lint_paths([story])
    assert house_forms(report.files[0].violations) == {EXPECTED[name]}


def _cli_forms(proc) -> set[str]:
    data = json.loads(proc.stdout)
    return {v["suggestion"] for f in data["files"] for v in f["violations"] if v["rule"] == "SPL001"}


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_select_by_cli_flag(tmp_path: Path, name):
    story = tmp_path / "story.txt"
    story.write_text(PROBE + "\n", encoding="utf-8")
    proc = run("--profile", name, "--select", "SPL001", "--format", "json", str(story), cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert _cli_forms(proc) == {EXPECTED[name]}


def test_cli_flag_overrides_the_config_file(tmp_path: Path):
    (tmp_path / "stylelint.toml").write_text('profile = "nyt"\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(PROBE + "\n", encoding="utf-8")
    proc = run("--select", "SPL001", "--format", "json", str(story), cwd=tmp_path)
    assert _cli_forms(proc) == {"Zelensky"}
    proc = run("--profile", "guardian", "--select", "SPL001", "--format", "json", str(story), cwd=tmp_path)
    assert _cli_forms(proc) == {"Zelenskiy"}


def test_unknown_profile_is_a_usage_error(tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text(PROBE + "\n", encoding="utf-8")
    proc = run("--profile", "times", str(story), cwd=tmp_path)
    assert proc.returncode == 2
    assert "times" in proc.stderr + proc.stdout
    with pytest.raises(ConfigError, match="unknown profile 'times'"):
        stylelint.lint_text(PROBE, profile="times")


# -- settings follow the profile, and config overrides them ---------------------------------------


def test_datelines_follow_the_profile_and_the_settings_table():
    text = REFERENCE.read_text(encoding="utf-8")

    def dtl(**kw):
        report = stylelint.lint_text(text, input_format="text", select=["DTL"], **kw)
        return [v.rule_id for v in report.files[0].violations]

    assert dtl(profile="ap") == ["DTL001"]
    assert dtl(profile="nyt") == []
    assert dtl(profile="guardian") == []
    assert dtl(config={"profile": "nyt", "settings": {"datelines": True}, "select": ["DTL"]}) == ["DTL001"]


def test_abbreviation_periods_follow_the_profile():
    def spl004(name):
        report = stylelint.lint_text("The US and the U.S. agreed.", input_format="text", profile=name, select=["SPL004"])
        return [(v.match, v.suggestion) for v in report.files[0].violations]

    assert spl004("ap") == [("US", "U.S.")]
    assert spl004("nyt") == [("US", "U.S.")]
    assert spl004("guardian") == [("U.S.", "US")]

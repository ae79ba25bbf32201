"""Hostile rules, plugins and configs: one error line each, bounded time, the rest of the run kept.

Each test runs the real command on real files; a hang would fail the suite
by its timeout (clihelp's 120 s), never by a clock read here.
"""

from __future__ import annotations

import json
import sys
import textwrap

import pytest

from clihelp import run

ARTICLE = "The meeting is on Dec. 7th, the mayor said.\n"


def folder_with(tmp_path, config: str, rules: dict[str, str] | None = None):
    (tmp_path / "stylelint.toml").write_text(textwrap.dedent(config))
    if rules:
        (tmp_path / "house").mkdir()
        for name, code in rules.items():
            (tmp_path / "house" / name).write_text(textwrap.dedent(code))
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    return tmp_path


def lint_json(folder, *args):
    proc = run("--format", "json", *args, str(folder / "a.txt"), str(folder / "b.txt"), cwd=folder)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc, json.loads(proc.stdout) if proc.stdout.strip() else None


def rules_of(data, i=0):
    return sorted(v["rule"] for v in data["files"][i]["violations"])


def test_an_exponential_user_pattern_is_refused_when_the_config_loads(tmp_path):
    folder = folder_with(tmp_path, '''
        [[rules]]
        id = "HSE001"
        kind = "pattern"
        pattern = "(a|a)+$"
        message = "x"
    ''')
    proc = run(str(folder / "a.txt"), cwd=folder)
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.endswith("stylelint.toml: rules[0]: pattern: can take exponential time on some lines: "
                         "alternatives that match the same characters (like '(a|a)+' or '(a|aa)+') under a repeat; rewrite it")


def test_a_slow_pattern_the_check_cannot_see_is_stopped_and_named(tmp_path):
    # \p{..} is the regex module's own syntax, which the static check does not read.
    folder = folder_with(tmp_path, '''
        rule_time_limit = 0.5
        [[rules]]
        id = "HSE001"
        name = "slow"
        kind = "pattern"
        pattern = "\\\\p{Lu}?(?:a|a)+$"
        message = "x"
    ''')
    (folder / "a.txt").write_text(ARTICLE + "a" * 40 + "B\n")
    proc, data = lint_json(folder)
    assert proc.returncode == 2
    assert data["files"][0]["errors"] == [
        "rule HSE001 (slow) stopped after 0.5 s on this document (rule_time_limit); its findings are left out"
    ]
    assert rules_of(data, 0) == ["DAT004"]  # the other rules' findings stand
    assert rules_of(data, 1) == ["DAT004"] and data["files"][1]["errors"] == []


def test_a_python_rule_that_never_returns_is_stopped_and_the_run_goes_on(tmp_path):
    folder = folder_with(tmp_path, '''
        rules_dirs = ["house"]
        rule_time_limit = 0.3
    ''', {"forever.py": '''
        from stylelint import Rule, hookimpl

        class Forever(Rule):
            id = "HSE002"
            name = "forever"
            def check(self, document, context):
                n = 0
                while True:
                    try:
                        n += 1
                    except Exception:  # a rule's own handler must not swallow the stop
                        pass

        @hookimpl
        def register_rules(config):
            return [Forever()]
    '''})
    proc, data = lint_json(folder)
    assert proc.returncode == 2
    for f in data["files"]:
        assert f["errors"] == ["rule HSE002 (forever) stopped after 0.3 s on this document (rule_time_limit); "
                               "its findings are left out"]
        assert [v["rule"] for v in f["violations"]] == ["DAT004"]


@pytest.mark.parametrize(("body", "problem"), [
    ("yield None", "returned NoneType None instead of a finding"),
    ("yield self.violation(0, 3, 'x', suggestion={'a'})", "returned a finding whose suggestion is set, not a string"),
    ("yield self.violation(0, 3, 42)", "returned a finding whose message is int, not a string"),
    ("return 7", "crashed: TypeError: 'int' object is not iterable"),
    ("raise ValueError('line one\\nline two')", "crashed: ValueError: line one line two"),
])
def test_a_rule_returning_nonsense_is_named(tmp_path, body, problem):
    folder = folder_with(tmp_path, 'rules_dirs = ["house"]\n', {"bad.py": f'''
        from stylelint import Rule, hookimpl

        class Bad(Rule):
            id = "HSE003"
            name = "bad"
            def check(self, document, context):
                {body}

        @hookimpl
        def register_rules(config):
            return [Bad()]
    '''})
    proc, data = lint_json(folder)
    assert proc.returncode == 2
    assert data["files"][0]["errors"] == [f"rule HSE003 (bad) {problem}" + ("; its findings are left out" if "returned" in problem else "")]
    assert rules_of(data, 0) == ["DAT004"]
    text = run(str(folder / "a.txt"), cwd=folder)
    assert len([line for line in text.stderr.splitlines() if "HSE003" in line]) == 1


def test_a_suppress_hook_that_raises_is_named_and_findings_stand(tmp_path):
    folder = folder_with(tmp_path, 'rules_dirs = ["house"]\n', {"hook.py": '''
        from stylelint import hookimpl

        @hookimpl
        def suppress_violation(violation, document, config):
            raise RuntimeError("boom")
    '''})
    proc, data = lint_json(folder)
    assert proc.returncode == 2
    assert data["files"][0]["errors"] == [f"plugin {folder / 'house' / 'hook.py'}: suppress_violation failed: RuntimeError: boom"]
    assert rules_of(data, 0) == ["DAT004"] and rules_of(data, 1) == ["DAT004"]


def test_a_plugin_that_exits_on_import_is_an_error_not_the_end(tmp_path):
    folder = folder_with(tmp_path, 'rules_dirs = ["house"]\n', {"quit.py": "import sys\nsys.exit(3)\n"})
    proc, data = lint_json(folder)
    assert proc.returncode == 2
    assert data["errors"] == [f"{folder / 'house' / 'quit.py'}: plugin failed to import: SystemExit: 3"]
    assert rules_of(data, 0) == ["DAT004"]


def test_an_installed_plugin_that_exits_on_import_is_an_error(tmp_path):
    # A real entry point: a distribution's metadata on sys.path, found by importlib.metadata.
    site = tmp_path / "site"
    dist = site / "quitter-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: quitter\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[stylelint]\nquitter = quitter_plugin\n")
    (site / "quitter_plugin.py").write_text("raise SystemExit(3)\n")
    (tmp_path / "a.txt").write_text(ARTICLE)
    env = {"PYTHONPATH": str(site), "STYLELINT_DISABLE_PLUGIN_AUTOLOAD": ""}
    proc = run("--format", "json", str(tmp_path / "a.txt"), cwd=tmp_path, env=env)
    assert proc.returncode == 2, proc.stderr
    data = json.loads(proc.stdout)
    assert data["errors"] == ["plugin quitter (quitter_plugin): failed to load: SystemExit: 3"]
    assert rules_of(data, 0) == ["DAT004"]


@pytest.mark.parametrize(("config", "needle"), [
    ("max_file_size = 1000000000000000000000000000000000000\n",
     "max_file_size: expected a positive number of bytes (at most 2,147,483,648), got a 37-digit number"),
    ("[settings]\nspin_threshold = 1000000000000000000000000000000000000000000000000000\n",
     "settings.spin_threshold: expected a number of at most 1,000,000,000"),
    ("rule_time_limit = 0\n", "rule_time_limit: expected seconds, more than 0 and at most 3600, got 0"),
    ('[[rules]]\nid = "HSE001"\nkind = "existence"\nterms = ["x"]\nmessage = "Avoid {mtach}."\n',
     "rules[0]: message: unknown placeholder {mtach} (allowed: {match})"),
    ('[[rules]]\nid = "HSE001"\nkind = "pattern"\npattern = "(?P<w>x)"\nmessage = "Avoid {w!z}."\n',
     "rules[0]: message: not a valid template"),
    ('[[rules]]\nid = "HSE001"\nkind = "substitution"\nswap = {x = "y"}\nmessage = "Use {suggestion} {0}"\n',
     "rules[0]: message: unknown placeholder {0} (allowed: {match}, {suggestion})"),
    ('[[rules]]\nid = "HSE001"\nkind = "existence"\nterms = ["x"]\nscopes = ["paragraphs"]\n',
     "rules[0]: scopes: unknown block kind 'paragraphs' (allowed: headline, heading, paragraph"),
])
def test_config_values_are_checked_when_loaded(tmp_path, config, needle):
    (tmp_path / "stylelint.toml").write_text(config)
    (tmp_path / "a.txt").write_text(ARTICLE)
    proc = run(str(tmp_path / "a.txt"), cwd=tmp_path)
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert needle in line, line
    assert str(tmp_path / "stylelint.toml") in line


def test_a_config_that_is_not_utf8_is_one_line(tmp_path):
    (tmp_path / "stylelint.toml").write_bytes(b'profile = "ap"\n# caf\xe9\n')
    (tmp_path / "a.txt").write_text(ARTICLE)
    proc = run(str(tmp_path / "a.txt"), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"{tmp_path / 'a.txt'}: error: {tmp_path / 'stylelint.toml'}: not valid UTF-8 at byte 20 (TOML files are UTF-8)"
    ]


def test_pattern_group_placeholders_are_allowed(tmp_path):
    folder = folder_with(tmp_path, '''
        [[rules]]
        id = "HSE001"
        kind = "pattern"
        pattern = "(?P<day>\\\\d+)th"
        message = "No ordinal: {day}, not {match}."
    ''')
    proc, data = lint_json(folder, "--select", "HSE")
    assert proc.returncode == 1, proc.stderr
    assert data["files"][0]["violations"][0]["message"] == "No ordinal: 7, not 7th."
    assert sys.version_info >= (3, 10)


def test_a_file_name_cannot_forge_a_finding_or_reach_the_terminal_raw(tmp_path):
    name = "story\nfake.txt:1:1: ATT001 [error] forged\x1b[31m.txt"
    (tmp_path / name).write_text("The vote is on Dec. 7th.\n")
    (tmp_path / "bad\x07.txt").write_bytes(b"caf\xe9")
    for fmt in ("text", "github"):
        proc = run("--format", fmt, ".", cwd=tmp_path)
        assert proc.returncode == 2
        for stream in (proc.stdout, proc.stderr):
            assert "\x1b" not in stream and "\x07" not in stream
            # No line begins with the forged part of the name: it stays inside the escaped name.
            assert not [line for line in stream.splitlines() if "forged" in line and "story" not in line]
        finding_lines = [line for line in proc.stdout.splitlines() if "DAT004" in line]
        assert len(finding_lines) == 1
        assert ("story\\x0afake.txt" if fmt == "text" else "story%0Afake.txt") in finding_lines[0]
        (err,) = proc.stderr.splitlines() if fmt == "text" else [ln for ln in proc.stdout.splitlines() if "UTF-8" in ln]
        assert "bad\\x07.txt" in err


def test_control_characters_in_an_article_are_shown_escaped_and_underlined_in_step(tmp_path):
    (tmp_path / "a.txt").write_text("Bell\x07 and \x1b[2J escape: the vote is on Dec. 7th.\n")
    proc = run("a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout
    source_line, marks = [ln for ln in proc.stdout.splitlines() if ln.startswith(("   1 |", "      "))][:2]
    assert "Bell\\x07 and \\x1b[2J" in source_line
    assert source_line[marks.index("^"): marks.index("^") + marks.count("^")] == "7th"
    gh = run("--format", "github", "a.txt", cwd=tmp_path)
    assert "\x1b" not in gh.stdout and "\x07" not in gh.stdout


def test_a_message_with_line_breaks_stays_one_line(tmp_path):
    folder = folder_with(tmp_path, 'rules_dirs = ["house"]\n', {"multi.py": '''
        from stylelint import Rule, hookimpl

        class Multi(Rule):
            id = "HSE004"
            name = "multi"
            def check(self, document, context):
                yield self.violation(0, 3, "first line\\nsecond\\u2028third\\x1b[0m", suggestion="a\\nb")

        @hookimpl
        def register_rules(config):
            return [Multi()]
    '''})
    for fmt in ("text", "github", "junit"):
        proc = run("--format", fmt, "a.txt", cwd=folder)
        assert proc.returncode == 1, proc.stderr
        lines = [ln for ln in proc.stdout.splitlines() if "first line" in ln]
        assert lines and all("second" in ln for ln in lines), (fmt, proc.stdout)
        assert "\x1b" not in proc.stdout and "\u2028" not in proc.stdout


def test_a_config_that_is_a_fifo_is_refused_not_waited_for(tmp_path):
    import os

    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "a.txt").write_text(ARTICLE)
    proc = run("--config", str(tmp_path / "fifo.toml"), str(tmp_path / "a.txt"), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"stylelint: error: {tmp_path / 'fifo.toml'}: is a FIFO (named pipe), not a regular file; skipped"
    ]
    (tmp_path / "house").mkdir()
    os.mkfifo(tmp_path / "house" / "rules.toml")
    proc = run("--rules-dir", str(tmp_path / "house"), "--format", "json", str(tmp_path / "a.txt"), cwd=tmp_path)
    assert proc.returncode == 2 and "rules.toml: is a FIFO" in proc.stdout

"""The check page at ``/``, in a real headless Chromium (Debian's), driven by Selenium.

A copy editor's session: paste the reference article, check it, see the
marks, filter, walk the findings, accept one (kept in the browser, across a
reload, and exported as the API's accept list), apply the safe fixes. The
page must load nothing but its own files and break no rule of its
Content-Security-Policy (the browser's console would say so).

Needs ``/usr/bin/chromium`` and ``/usr/bin/chromedriver`` (``apt-get install
-y chromium chromium-driver``); skipped without them, unless
``STYLELINT_REQUIRE_BROWSER=1`` (CI) makes that a failure. With
``STYLELINT_SCREENSHOTS=DIR`` the screenshots go to DIR (the ones in
``docs/screenshots/`` come from there).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from stylelint.interfaces.server.testing import call, serve  # noqa: E402

from conftest import REFERENCE  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REQUIRED = os.environ.get("STYLELINT_REQUIRE_BROWSER") == "1"
ENV = {"STYLELINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1400,1000")


def _missing() -> str | None:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return f"{CHROMIUM} and {CHROMEDRIVER} are needed (apt-get install -y chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser():
    problem = _missing()
    if problem:
        if REQUIRED:
            pytest.fail(f"STYLELINT_REQUIRE_BROWSER=1 but {problem}")
        pytest.skip(problem)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # An explicit driver path: Selenium Manager never looks for (or downloads) a browser.
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve("--workers", "1", cwd=tmp_path_factory.mktemp("page"), env=ENV) as srv:
        yield srv


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("STYLELINT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def take(driver, name: str) -> Path:
        path = folder / name
        driver.save_screenshot(str(path))
        assert path.stat().st_size > 10_000  # a picture, not an empty page
        return path

    return take


def _wait(driver, condition, timeout: float = 30.0):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _js(driver, script: str, *args):
    return driver.execute_script(script, *args)


def test_check_page_paste_check_accept_fix(server, browser, shots):
    from selenium.webdriver.common.by import By

    d = browser
    page = call(server.url, "GET", "/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    d.get(server.url + "/")
    _wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#ck-profile option[value='guardian']"))
    assert d.find_element(By.ID, "ck-profile").get_attribute("value") == "ap"

    # Paste the reference article (one insertion, as a paste is) and check it.
    article = REFERENCE.read_text(encoding="utf-8")
    d.find_element(By.ID, "ck-text").click()
    d.execute_cdp_cmd("Input.insertText", {"text": article})
    assert d.find_element(By.ID, "ck-text").get_attribute("value") == article
    d.find_element(By.ID, "ck-check").click()
    _wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#ck-article mark.sl-m"))
    expected = call(server.url, "POST", "/v1/lint", {"text": article, "profile": "ap"}).json()
    violations = expected["files"][0]["violations"]
    items = d.find_elements(By.CSS_SELECTOR, "#ck-list li")
    assert len(items) == len(violations) > 20
    marked = set(_js(d, "return [...document.querySelectorAll('#ck-article mark[data-f]')]"
                        ".flatMap(m => m.dataset.f.split(' ')).map(Number)"))
    placed = {i for i, v in enumerate(violations, 1) if v["rule"] != "SPN001"}  # SPN001 is the document's banner
    assert placed <= marked
    assert d.find_element(By.CSS_SELECTOR, "#ck-banners .sl-banner mark").text == "SPN001"
    shots(d, "check-page.png")

    # Filter: no SPN findings in the list, and marks that are only SPN turn off.
    spn = d.find_element(By.CSS_SELECTOR, "#ck-families input[value='SPN']")
    spn.click()
    shown = _js(d, "return [...document.querySelectorAll('#ck-list li')].filter(li => !li.hidden).map(li => li.dataset.family)")
    assert shown and "SPN" not in shown
    assert len(shown) == sum(1 for v in violations if not v["rule"].startswith("SPN"))
    off = _js(d, "return [...document.querySelectorAll('#ck-article mark.ck-off')].length")
    assert off > 0
    spn.click()

    # Next and previous move through the list and the article together.
    d.find_element(By.ID, "ck-next").click()
    d.find_element(By.ID, "ck-next").click()
    current = d.find_element(By.CSS_SELECTOR, "#ck-list li.ck-current")
    assert current.get_attribute("data-n") == "2"
    assert _js(d, "return [...document.querySelectorAll('#ck-article mark.ck-current')].every("
                  "m => m.dataset.f.split(' ').includes('2'))")
    d.find_element(By.ID, "ck-prev").click()
    assert d.find_element(By.CSS_SELECTOR, "#ck-list li.ck-current").get_attribute("data-n") == "1"
    assert d.find_element(By.ID, "ck-pos").text == f"1 of {len(violations)}"

    # Accept one finding (the first ATT003 "mentioned"): hidden, kept in localStorage, exportable.
    target = next(i for i, v in enumerate(violations, 1) if v["rule"] == "ATT003")
    same = [i for i, v in enumerate(violations, 1)
            if v["rule"] == "ATT003" and v["match"] == violations[target - 1]["match"]]
    d.find_element(By.CSS_SELECTOR, f"#ck-list li[data-n='{target}'] .ck-accept").click()
    stored = json.loads(_js(d, "return localStorage.getItem('stylelint-accept')"))
    assert stored == [{"rule": "ATT003", "match": violations[target - 1]["match"]}]
    hidden = _js(d, "return [...document.querySelectorAll('#ck-list li')].filter(li => li.hidden).map(li => +li.dataset.n)")
    assert sorted(hidden) == same
    d.find_element(By.CSS_SELECTOR, "#ck-accepts summary").click()
    assert json.loads(d.find_element(By.ID, "ck-accept-json").get_attribute("value")) == stored
    _js(d, "document.getElementById('ck-accepts').scrollIntoView({block: 'end'})")
    shots(d, "check-page-accepted.png")

    # Kept in the browser: after a reload and a new check, it is still accepted.
    d.refresh()
    _wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#ck-profile option"))
    d.find_element(By.ID, "ck-text").click()
    d.execute_cdp_cmd("Input.insertText", {"text": article})
    d.find_element(By.ID, "ck-check").click()
    _wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#ck-list li.ck-accepted"))
    assert len(d.find_elements(By.CSS_SELECTOR, "#ck-list li.ck-accepted")) == len(same)

    # Apply the safe fixes (accepted findings are left alone): the text is the API's fixed text.
    d.find_element(By.ID, "ck-fix").click()
    _wait(d, lambda d: "applied" in d.find_element(By.ID, "ck-status").text)
    fixed = call(server.url, "POST", "/v1/fix", {"text": article, "profile": "ap", "accept": stored}).json()["files"][0]
    assert fixed["changed"]
    assert d.find_element(By.ID, "ck-text").get_attribute("value") == fixed["text"]
    status = d.find_element(By.ID, "ck-status").text
    assert status.startswith(f"{len(fixed['applied'])} fix")
    remaining = call(server.url, "POST", "/v1/lint", {"text": fixed["text"]}).json()
    assert len(d.find_elements(By.CSS_SELECTOR, "#ck-list li")) == remaining["summary"]["violations"]
    shots(d, "check-page-fixed.png")

    # Nothing loaded from elsewhere, and no Content-Security-Policy violation or script error.
    console = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
    assert console == []
    urls = set()
    for entry in d.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.add(message["params"]["request"]["url"])
    assert urls and all(u.startswith(server.url + "/") for u in urls), sorted(urls)

"""The review page in a real headless Chromium: slides and findings shown, an edit on disk seen live,
a broken spec's located error shown and gone once fixed.

Drives Debian's chromium through its chromedriver (selenium; no browser is downloaded). Skips
when they are absent; .ci/run installs them. With LibreOffice the slides are pictures, else outlines.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from serve_helpers import Project, project, review_project, wait_for  # noqa: F401 -- fixtures
from generator.serve import ReviewServer, ServeOptions

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(not (Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()),
                                reason="needs chromium and chromedriver: apt-get install -y chromium chromium-driver")
PICTURES = shutil.which("soffice") is not None and shutil.which("pdftoppm") is not None
SCREENSHOT_WIDTH = 1100  # the README's picture, made small


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="kitgen-chromium-")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1400,900",
                     f"--user-data-dir={profile}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def server(project: Project, monkeypatch):
    monkeypatch.chdir(project.root)  # messages name files from the project folder, as for a reviewer
    server = ReviewServer(project.season, ServeOptions(project.out, port=0, render=PICTURES))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _shown(driver, lang: str = "en") -> dict:
    """Return what the large slide of ``lang`` shows: caption, title, picture (loaded or not), stale."""
    return driver.execute_script("""
        const figure = document.querySelector(`#stage figure[data-lang="${arguments[0]}"]`);
        if (!figure) return {};
        const img = figure.querySelector("img");
        return {caption: figure.querySelector("figcaption").textContent,
                title: figure.querySelector(".slide-title").textContent,
                picture: img && img.complete && img.naturalWidth > 0 ? img.getAttribute("src") : null,
                stale: figure.classList.contains("stale")};""", lang)


def _text(driver, selector: str) -> str:
    return driver.execute_script("const n = document.querySelector(arguments[0]); return n ? n.innerText : ''",
                                 selector)


def _slide_ready(driver, title: str, lang: str = "en", not_picture: str | None = None):
    shown = _shown(driver, lang)
    if shown.get("title") != title or shown.get("stale"):
        return None
    if PICTURES and shown.get("picture") in (None, not_picture):
        return None
    return shown


def test_the_page_follows_edits_errors_and_fixes(browser, server, project):
    browser.get(server.url + "#deck=en/CA-market-meeting.pptx&slide=2")
    first = wait_for(lambda: _slide_ready(browser, "Agenda"), 90, "the Agenda slide")
    assert _shown(browser, "fr")["title"] == "Ordre du\u00a0jour"  # EN and FR side by side (no lone last word)
    assert "market-meeting CA" in _text(browser, "#decks")
    assert _text(browser, "#problems") == "The season validates."
    assert "slide 2 of" in _text(browser, "#deck-title")

    browser.find_element("tag name", "body").send_keys("\ue014")  # the right arrow: next slide
    wait_for(lambda: _shown(browser).get("caption", "").startswith("EN · 3 · "), 10, "the next slide")
    browser.find_element("tag name", "body").send_keys("\ue012")  # left arrow: back
    wait_for(lambda: _shown(browser).get("caption", "").startswith("EN · 2 · "), 10, "the slide before")

    project.edit("title: Agenda\n", "title: Agenda for the partners\n")
    wait_for(lambda: _slide_ready(browser, "Agenda for the\u00a0partners", not_picture=first["picture"]), 60,
             "the new title's slide")

    project.edit("title: Agenda for the partners\n", "titel: Agenda\n")
    located = "decks/fw26/decks/market_meeting.yaml:11:5"
    wait_for(lambda: located in _text(browser, "#problems"), 30, "the located error")
    assert wait_for(lambda: _shown(browser).get("stale"), 10, "the stale mark")
    assert "titel" in _text(browser, "#stage figure[data-lang='en'] .slide-findings")  # pinned on its slide
    assert "does not validate" in _text(browser, "#banner")
    _screenshot(browser, Path(tempfile.gettempdir()) / "kitgen-serve-page.png")

    project.edit("titel: Agenda\n", "title: Agenda\n")
    wait_for(lambda: _text(browser, "#problems") == "The season validates.", 30, "the error to go")
    wait_for(lambda: _slide_ready(browser, "Agenda"), 60, "the fixed slide")
    assert browser.execute_script("return document.getElementById('banner').hidden")
    wait_for(lambda: _text(browser, "#status") == "ready", 60, "the season's build")  # no build left to wait for


def _screenshot(driver, path: Path) -> None:
    """Save the page as a small PNG; also to $KITGEN_SCREENSHOT when set (the README's picture)."""
    from PIL import Image

    driver.save_screenshot(str(path))
    with Image.open(path) as page:
        small = page.convert("RGB").resize((SCREENSHOT_WIDTH, round(page.height * SCREENSHOT_WIDTH / page.width)))
        small.quantize(colors=128).save(path, optimize=True)
    if os.environ.get("KITGEN_SCREENSHOT"):
        shutil.copyfile(path, os.environ["KITGEN_SCREENSHOT"])

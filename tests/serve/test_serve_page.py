"""The review page's navigation in headless Chromium (outlines only, quick): a hash typed or linked, Back and
Forward move to their slide; the thumbnails are reached and chosen by keyboard and the strip follows the
slide on screen; the deck's findings come from each of its languages."""

from __future__ import annotations

import pytest

from serve_helpers import Project, project, review_project, wait_for  # noqa: F401 -- fixtures
from test_serve_browser import browser, pytestmark  # noqa: F401 -- the Chromium fixture and its skip
from generator.serve import ReviewServer, ServeOptions

CA = "en/CA-market-meeting.pptx"


@pytest.fixture
def outlines(project: Project, monkeypatch):
    monkeypatch.chdir(project.root)
    server = ReviewServer(project.season, ServeOptions(project.out, port=0, render=False))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _caption(driver) -> str:
    return driver.execute_script("const c = document.querySelector('#stage figure[data-lang=\"en\"] figcaption');"
                                 "return c ? c.textContent : ''")


def _on_slide(driver, number: int, what: str) -> None:
    wait_for(lambda: _caption(driver).startswith(f"EN · {number} · "), 15, what)


def test_hash_changes_back_and_forward_move_to_their_slide(browser, outlines):
    browser.get(outlines.url + f"#deck={CA}&slide=2")
    _on_slide(browser, 2, "the slide the address names")
    browser.execute_script(f"location.hash = 'deck={CA}&slide=5'")
    _on_slide(browser, 5, "the slide a new hash names")
    browser.back()
    _on_slide(browser, 2, "the slide before, on Back")
    browser.forward()
    _on_slide(browser, 5, "the slide after, on Forward")
    browser.execute_script("location.hash = 'deck=fr/CA-market-meeting.pptx&slide=3'")
    wait_for(lambda: "fr/CA-market-meeting.pptx · slide 3 of" in browser.find_element("id", "deck-title").text, 15,
             "the deck a new hash names")


def test_thumbnails_are_reached_by_keyboard_and_the_strip_follows_the_slide(browser, outlines):
    browser.get(outlines.url + f"#deck={CA}&slide=1")
    _on_slide(browser, 1, "the first slide")
    thumb = browser.find_element("css selector", "#thumbs li[data-slide='4']")
    assert thumb.get_attribute("tabindex") == "0" and thumb.get_attribute("role") == "button"
    thumb.send_keys("\ue007")  # Enter
    _on_slide(browser, 4, "the thumbnail chosen by Enter")
    assert browser.execute_script("return document.activeElement.dataset.slide") == "4"  # the focus stays
    browser.switch_to.active_element.send_keys("\ue010")  # End: the last slide, far right in the strip
    wait_for(lambda: browser.execute_script("""
        const strip = document.getElementById("thumbs").getBoundingClientRect();
        const current = document.querySelector("#thumbs li.current");
        const box = current && current.getBoundingClientRect();
        return current && current.dataset.slide !== "4" && box.left >= strip.left - 1 && box.right <= strip.right + 1;
        """), 15, "the strip scrolled to the last slide")


def test_the_deck_findings_come_from_every_language(browser, outlines, project):
    browser.get(outlines.url + f"#deck={CA}&slide=2")
    _on_slide(browser, 2, "the Agenda slide")
    project.edit("title: Agenda\n", "title: Agenda for the partners\n")  # French has no translation of it yet
    wait_for(lambda: "FR no fr translation: 'Agenda for the partners'" in
             browser.find_element("id", "deck-findings").text, 60, "the French deck's finding on the English deck")

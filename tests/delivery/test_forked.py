"""Work forked into a child process: what it returns comes back, a failure says so, and the trackers made
there are the same bytes as those made in the build's own process."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from generator.data import DataStore
from generator.delivery import EarlyTrackers
from generator.delivery.forked import ForkedCall, can_fork
from generator.spec import load_season

SEASON = Path(__file__).resolve().parents[2] / "decks" / "fw26"
pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork (Linux)")


def test_the_child_works_on_inherited_objects_and_its_answer_comes_back():
    inherited = {"rows": list(range(1000))}  # never pickled on the way in
    call = ForkedCall(lambda: (os.getpid(), sum(inherited["rows"])))
    done, (pid, total) = call.result()
    assert done and pid != os.getpid() and total == 499500


def test_a_child_that_fails_or_answers_what_does_not_pickle_says_so():
    def fails():
        raise ValueError("no")

    assert ForkedCall(fails).result() == (False, None)
    assert ForkedCall(lambda: threading.Lock()).result() == (False, None)


def test_trackers_made_in_a_child_are_those_made_here(tmp_path):
    season = load_season(SEASON)
    store = DataStore(season.spec, season.root)
    store.set_as_of(None)
    here, there = EarlyTrackers(tmp_path / "here"), EarlyTrackers(tmp_path / "there", in_child=True)
    assert here.make(season, store) is None
    finish = there.make(season, store)
    assert callable(finish) and not there.made
    finish()
    assert there.made and there.error is None
    assert [(t.output, t.data) for t in there.trackers] == [(t.output, t.data) for t in here.trackers]

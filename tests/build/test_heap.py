"""Tests for generator.build.heap: the objects a build starts with are left out of collections, then released."""

from __future__ import annotations

import gc

from generator.build.heap import older_objects_frozen


def test_objects_are_frozen_inside_the_block_and_released_after():
    assert gc.get_freeze_count() == 0
    with older_objects_frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_garbage_made_inside_the_block_is_still_collected():
    with older_objects_frozen():
        cycle: list = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1


def test_a_nested_block_leaves_the_unfreezing_to_the_outer_one():
    with older_objects_frozen():
        with older_objects_frozen():
            pass
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


"""Every other file a season names (template, profile, brand kit and its files, catalogs) linked out is refused."""

from __future__ import annotations

import pytest
from security_helpers import PASSWD, kitgen, leaks_passwd, link_out, project

LINKED_OUT = ("the path leads out of the project folder through a symbolic link "
              "(copy the file into the season or project instead of linking to it)")


SEASON, BRAND = "decks/fw26/season.yaml", "brand_assets/brand.yaml"


@pytest.mark.parametrize(("file", "yaml_file", "line_text", "key"), [
    ("templates/orvelle_master.pptx", SEASON, "  path: ../../templates/orvelle_master.pptx", "template.path"),
    ("templates/orvelle_master.profile.yaml", SEASON, "  profile: ../../templates/orvelle_master.profile.yaml",
     "template.profile"),
    (BRAND, SEASON, "brand: ../../brand_assets/brand.yaml", "brand"),
    ("brand_assets/orvelle.mplstyle", BRAND, "mplstyle: orvelle.mplstyle", "mplstyle"),
    ("decks/fw26/locale/fr.po", SEASON, "locale_dir: locale", "locale_dir"),
    ("decks/fw26/hq/solenne-launch.pptx", SEASON, "    path: hq/solenne-launch.pptx", "hq[0].path"),
])
def test_a_named_file_linked_to_etc_passwd_is_refused_unread(tmp_path, monkeypatch, file, yaml_file, line_text, key):
    project(tmp_path, monkeypatch)
    lines = (tmp_path / yaml_file).read_text(encoding="utf-8").splitlines()
    where = f"{'decks/fw26/../../' if yaml_file == BRAND else ''}{yaml_file}:{lines.index(line_text) + 1}:" \
            f"{len(line_text) - len(line_text.lstrip()) + 1}: {key}"
    link_out(tmp_path / file, PASSWD)
    result = kitgen("validate", "decks/fw26")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{where}: {LINKED_OUT}"
    assert "1 error(s)" in result.output
    assert not leaks_passwd(result.output)


def test_a_link_that_stays_inside_the_project_is_fine(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    moved = tmp_path / "shared" / "trainings.csv"
    moved.parent.mkdir()
    (season / "data" / "trainings.csv").rename(moved)
    (season / "data" / "trainings.csv").symlink_to(moved)
    result = kitgen("validate", "decks/fw26")
    assert result.exit_code == 0, result.output

"""What the review server exposes: loopback unless --host, and only the season's own files."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.errors import ServeError
from generator.serve import ReviewServer, ServeOptions
from generator.serve.safety import ServedRoot, bind_address, checked_relative, is_loopback, slide_key


def test_loopback_is_the_default_bind():
    assert bind_address(None, explicit=False) == "127.0.0.1"


def test_a_public_bind_is_refused_unless_asked_for_explicitly():
    with pytest.raises(ServeError) as refused:
        bind_address("0.0.0.0", explicit=False)
    assert refused.value.message == ("refusing to serve on 0.0.0.0: the review page would be open to the network; "
                                     "pass --host 0.0.0.0 explicitly if that is what you want")
    assert bind_address("0.0.0.0", explicit=True) == "0.0.0.0"


def test_a_server_refuses_a_public_host_given_without_public(tmp_path):
    with pytest.raises(ServeError, match="refusing to serve on 192.0.2.1"):
        ReviewServer(tmp_path, ServeOptions(tmp_path / "out", host="192.0.2.1", port=0))


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("127.3.2.1", True), ("::1", True),
                                            ("localhost", True), ("0.0.0.0", False), ("192.168.1.4", False),
                                            ("example.org", False)])
def test_loopback_addresses(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("path, reason", [
    ("/etc/passwd", "absolute paths are not served"),
    ("C:/Windows/win.ini", "absolute paths are not served"),
    ("../season.yaml", "'..' and empty parts are not served"),
    ("decks/../../x", "'..' and empty parts are not served"),
    ("decks//x", "'..' and empty parts are not served"),
    ("decks\\x.yaml", "not a plain relative path"),
    ("", "not a plain relative path"),
])
def test_unsafe_relative_paths_are_refused(path, reason):
    with pytest.raises(ServeError) as refused:
        checked_relative(path)
    assert refused.value.message == f"refused path {path!r}: {reason}"


def test_a_symlink_out_of_the_root_is_refused(tmp_path):
    root, outside = tmp_path / "season", tmp_path / "secret.txt"
    root.mkdir()
    outside.write_text("secret")
    (root / "link.txt").symlink_to(outside)
    (root / "inside.txt").write_text("fine")
    (root / "alias.txt").symlink_to(root / "inside.txt")  # a link that stays inside is fine
    served = ServedRoot(root)
    with pytest.raises(ServeError) as refused:
        served.file("link.txt")
    assert refused.value.message == "refused path 'link.txt': it leads outside season/ (a symlink out)"
    assert served.file("inside.txt").read_text() == "fine"
    assert served.file("alias.txt") == (root / "inside.txt").resolve()
    with pytest.raises(FileNotFoundError):
        served.file("missing.txt")


def test_only_the_named_files_of_a_template_folder_are_served(tmp_path):
    (tmp_path / "master.pptx").write_bytes(b"pk")
    (tmp_path / "other.pptx").write_bytes(b"pk")
    served = ServedRoot(tmp_path, frozenset({"master.pptx"}))
    assert served.file("master.pptx").name == "master.pptx"
    with pytest.raises(ServeError, match="only master.pptx are served here"):
        served.file("other.pptx")


def test_slide_keys_are_64_hex_digits():
    assert slide_key("a" * 64) == "a" * 64
    with pytest.raises(ServeError):
        slide_key("../../etc/passwd")


def test_a_busy_port_is_a_clear_error(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", str(tmp_path), "--port", str(port), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output == (f"Error: cannot serve on 127.0.0.1:{port}: Address already in use "
                             "(pass another --port)\n")


def test_the_cli_warns_when_the_page_is_public(tmp_path, monkeypatch):
    ran = []
    monkeypatch.setattr(ReviewServer, "run", lambda self: ran.append(self.url))
    result = CliRunner().invoke(cli, ["serve", str(tmp_path), "--host", "0.0.0.0", "--port", "0",
                                                      "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert result.stderr == "warning: serving on 0.0.0.0: anyone who can reach this machine sees the decks\n"
    assert ran and ran[0].startswith("http://0.0.0.0:")

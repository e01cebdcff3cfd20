"""``kitgen serve``: the season's slides and findings in the browser, updated on every save."""

from __future__ import annotations

from pathlib import Path

import click

from generator.serve import LOOPBACK, ReviewServer, ServeOptions, is_loopback, open_page

DEFAULT_SEASON = Path("decks/fw26")


@click.command("serve")
@click.argument("season_dir", type=click.Path(path_type=Path, exists=True, file_okay=False),
                default=DEFAULT_SEASON, required=False)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--host", default=None,
              help=f"Address to listen on (default {LOOPBACK}, this machine only); another exposes the page.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Build folder (default build/<season folder name>, as kitgen build).")
@click.option("--no-render", is_flag=True, help="Outlines only: do not start LibreOffice for slide pictures.")
def serve_command(season_dir: Path, port: int, host: str | None, open_browser: bool, out_dir: Path | None,
                  no_render: bool) -> None:
    """Serve a live review page of the season: slides, EN/FR/ES side by side, findings; rebuilt on save."""
    out = out_dir or Path("build") / season_dir.resolve().name
    options = ServeOptions(out, host or LOOPBACK, port, public=host is not None, render=not no_render)
    server = ReviewServer(season_dir, options)
    if not is_loopback(server.host):
        click.echo(f"warning: serving on {server.host}: anyone who can reach this machine sees the decks", err=True)
    click.echo(f"Reviewing {season_dir} at {server.url} (building into {out}; Ctrl+C to stop)")
    if open_browser:
        open_page(server.url)
    server.run()

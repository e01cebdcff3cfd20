"""The HTML of the build report: one self-contained page (inline CSS, relative links only)."""

from __future__ import annotations

from jinja2 import Environment

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{{ title }}</title>
<style>
body{font-family:Carlito,Calibri,"Liberation Sans",sans-serif;color:#101B2D;margin:2em;background:#FBF9F4}
h1{font-family:Caladea,Cambria,serif;font-weight:normal}h2{border-bottom:2px solid #B8975A;padding-bottom:.2em}
table{border-collapse:collapse;margin-bottom:1.5em}th,td{padding:.3em .6em;border-bottom:1px solid #D9D2C3;
text-align:left;vertical-align:top}th{background:#101B2D;color:#fff}td.n{text-align:right}
.warn{color:#A63D40}.thumbs img{height:54px;margin-right:4px;border:1px solid #D9D2C3}
.summary span{display:inline-block;margin-right:2em}code{font-size:90%}
</style></head><body>
<h1>{{ title }}</h1>
<p class="summary">{% for label, value in summary %}<span><b>{{ value }}</b> {{ label }}</span>{% endfor %}</p>
<p><a href="manifest.json">manifest.json</a></p>
<h2>Warnings</h2>
{% if warnings %}<ul>{% for w in warnings %}<li class="warn">{{ w }}</li>{% endfor %}</ul>
{% else %}<p>None.</p>{% endif %}
<h2>Decks</h2>
<table><tr><th>Deck</th><th>Language</th><th>Audience</th><th>Slides</th><th>Charts</th><th>Seconds</th>
<th>Files</th><th>First slides</th><th>Warnings</th></tr>
{% for d in decks %}<tr><td>{{ d.deck }}</td><td>{{ d.language }}</td><td>{{ d.audience }}</td>
<td class="n">{{ d.slides }}</td><td class="n">{{ d.charts }}</td><td class="n">{{ d.seconds }}</td>
<td>{% for f in d.files %}<a href="{{ f }}">{{ f }}</a><br>{% endfor %}</td>
<td class="thumbs">{% for t in d.thumbnails %}<a href="{{ d.files[-1] }}"><img src="{{ t }}" alt="slide {{ loop.index }}"></a>{% endfor %}</td>
<td>{% for w in d.warnings %}<div class="warn">{{ w }}</div>{% endfor %}</td></tr>
{% endfor %}</table>
{% if kits %}<h2>Retailer kits</h2>
<table><tr><th>Retailer</th><th>Kit</th><th>Files</th></tr>
{% for k in kits %}<tr><td>{{ k.retailer_id }}</td><td><a href="{{ k.output }}">{{ k.output }}</a></td>
<td class="n">{{ k.members|length }}</td></tr>{% endfor %}</table>{% endif %}
<h2>Data sources</h2>
<table><tr><th>Source</th><th>File</th><th>Modified</th><th>Rows</th><th>Dates in data</th></tr>
{% for s in sources %}<tr><td>{{ s.name }}</td><td><code>{{ s.path }}</code></td><td>{{ s.modified }}</td>
<td class="n">{{ s.rows }}</td><td>{{ s.span }}</td></tr>{% endfor %}</table>
<h2>Timings</h2>
<table>{% for label, seconds in timings %}<tr><td>{{ label }}</td><td class="n">{{ seconds }} s</td></tr>{% endfor %}</table>
</body></html>
"""


def render_page(**values) -> str:
    """Return the report page filled with ``values`` (every value HTML-escaped)."""
    return Environment(autoescape=True, trim_blocks=True).from_string(PAGE).render(**values)

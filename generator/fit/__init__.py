"""Text fitting: measure text with real font metrics, wrap it to its box, shrink it down
to the profile's floor, and report what still overflows."""

from __future__ import annotations

from generator.fit.apply import FitFinding, Fitter, check_shape, write_scale
from generator.fit.fonts import FontMetrics, font_file, metrics, use_font_files
from generator.fit.grow import grow_shape, growth
from generator.fit.measure import Area, FitResult, Paragraph, fit_paragraphs, fit_text, text_height, wrap
from generator.fit.style import ThemeFonts, share_layouts
from generator.fit.summary import by_layout
from generator.fit.table import CellStyle, layout_table, row_heights, rows_per_slide
from generator.fit.widows import tie_last_words, tie_title

__all__ = ["Area", "CellStyle", "FitFinding", "FitResult", "Fitter", "FontMetrics", "Paragraph", "ThemeFonts",
           "by_layout", "check_shape", "fit_paragraphs", "fit_text", "font_file", "grow_shape", "growth",
           "layout_table",
           "metrics", "row_heights", "rows_per_slide", "share_layouts", "text_height", "tie_last_words", "tie_title",
           "use_font_files", "wrap", "write_scale"]

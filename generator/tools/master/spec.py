"""What the Orvelle master contains: slide geometry and one specification per layout.

The placeholder idx numbers are a contract with the template profile and with kitgen's
fill step; change them only together with ``templates/orvelle_master.profile.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

EMU_PER_INCH = 914_400
SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
SLIDE_W, SLIDE_H = 12_192_000, 6_858_000
MARGIN = 0.6
CONTENT_W = SLIDE_W_IN - 2 * MARGIN
CONTENT_TOP, CONTENT_BOTTOM = 1.7, 6.65


@dataclass(frozen=True)
class Rect:
    """A box in inches; ``emu()`` gives the integers the XML needs."""

    x: float
    y: float
    w: float
    h: float

    def emu(self) -> tuple[int, int, int, int]:
        """Return (x, y, cx, cy) in EMU."""
        return tuple(round(v * EMU_PER_INCH) for v in (self.x, self.y, self.w, self.h))  # type: ignore[return-value]


@dataclass(frozen=True)
class Placeholder:
    """One placeholder of a layout: ph type, idx, box and text style."""

    kind: str  # title | subTitle | body | chart | tbl | pic
    idx: int
    name: str
    box: Rect
    size_pt: float
    prompt: str
    colour: str = "tx1"  # scheme colour name or 6-digit hex
    align: str = "l"
    anchor: str = "t"
    bullets: bool = False
    italic: bool = False


@dataclass(frozen=True)
class LayoutSpec:
    """One slide layout: its name, role, background and placeholders."""

    role: str
    name: str
    placeholders: tuple[Placeholder, ...]
    dark: bool = False  # ink background, own light logo, no master decorations
    layout_type: str = "cust"
    logo: Rect | None = None
    rule: Rect | None = None


def _title(y: float = 0.42, h: float = 0.95, size: float = 32, colour: str = "tx1", align: str = "l",
           x: float = MARGIN, w: float = CONTENT_W) -> Placeholder:
    return Placeholder("title", 0, "Title", Rect(x, y, w, h), size, "Click to edit title", colour, align, "b")


def _caption(y: float = 6.15) -> Placeholder:
    return Placeholder("body", 14, "Caption", Rect(MARGIN, y, CONTENT_W, 0.5), 12,
                       "Caption or source", "5B6676", italic=True)


def _area(kind: str, name: str, prompt: str, bottom: float = CONTENT_BOTTOM) -> Placeholder:
    box = Rect(MARGIN, CONTENT_TOP, CONTENT_W, bottom - CONTENT_TOP)
    return Placeholder(kind, 13, name, box, 18, prompt)


def _body(idx: int, name: str, x: float, w: float) -> Placeholder:
    box = Rect(x, CONTENT_TOP, w, CONTENT_BOTTOM - CONTENT_TOP)
    return Placeholder("body", idx, name, box, 18, "Click to add text", bullets=True)


HALF_W = (CONTENT_W - 0.4) / 2
GOLD_TEXT = "B8975A"
IVORY_TEXT = "bg2"

LAYOUTS: tuple[LayoutSpec, ...] = (
    LayoutSpec("title", "Orvelle Title", (
        _title(2.35, 1.75, 40, IVORY_TEXT, w=10.5),
        Placeholder("subTitle", 1, "Subtitle", Rect(MARGIN, 4.45, 10.5, 1.0), 20, "Click to add subtitle", GOLD_TEXT),
    ), dark=True, layout_type="title", logo=Rect(MARGIN, 0.5, 3.2, 0.8), rule=Rect(MARGIN, 4.22, 1.2, 0.03)),
    LayoutSpec("section", "Orvelle Section", (
        _title(2.45, 1.5, 36, IVORY_TEXT),
        Placeholder("body", 1, "Subtitle", Rect(MARGIN, 4.3, CONTENT_W, 0.9), 18, "Click to add text", "D9D2C3"),
    ), dark=True, layout_type="secHead", logo=Rect(11.453, 6.98, 1.28, 0.32), rule=Rect(MARGIN, 4.07, 1.2, 0.03)),
    LayoutSpec("bullets", "Orvelle Bullets", (_title(), _body(1, "Body", MARGIN, CONTENT_W)), layout_type="obj"),
    LayoutSpec("chart", "Orvelle Chart", (_title(), _area("chart", "Chart", "Chart area", 6.05), _caption())),
    LayoutSpec("two-content", "Orvelle Two Content", (
        _title(), _body(1, "Left", MARGIN, HALF_W), _body(2, "Right", MARGIN + HALF_W + 0.4, HALF_W),
    ), layout_type="twoObj"),
    LayoutSpec("table", "Orvelle Table", (_title(), _area("tbl", "Table", "Table area"))),
    LayoutSpec("kpi", "Orvelle KPI", (_title(), _area("body", "KPI tiles", ""))),
    LayoutSpec("picture", "Orvelle Picture", (_title(), _area("pic", "Picture", "Picture area", 6.05), _caption())),
    LayoutSpec("closing", "Orvelle Closing", (
        _title(2.75, 1.2, 36, IVORY_TEXT, "ctr"),
        Placeholder("subTitle", 1, "Subtitle", Rect(MARGIN, 4.35, CONTENT_W, 0.9), 18, "Click to add text",
                    GOLD_TEXT, align="ctr"),
    ), dark=True, logo=Rect(5.067, 1.2, 3.2, 0.8), rule=Rect(6.067, 4.12, 1.2, 0.03)),
)


@dataclass(frozen=True)
class MasterDecor:
    """Shapes every light layout inherits from the master."""

    title_rule: Rect = Rect(MARGIN, 1.44, 0.9, 0.03)
    footer_rule: Rect = Rect(MARGIN, 6.88, CONTENT_W, 0.008)
    logo: Rect = Rect(11.453, 6.98, 1.28, 0.32)
    page_number: Rect = Rect(MARGIN, 6.98, 2.0, 0.32)


DECOR = MasterDecor()

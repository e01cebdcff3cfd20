"""Static, fictional catalogue behind the FW26 sample season data.

Everything here is invented for Maison Orvelle: retailer name stems, people,
references and competitors are not real companies or persons. Cities are real
so that maps and labels look plausible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Region:
    """A sales region; ``region_id`` values are part of the data contract."""

    region_id: str
    name: str
    country: str
    currency: str
    weight: int  # retailers out of 40 in the reference layout
    growth: float  # sell-out growth this year vs last year
    trainers: tuple[str, ...]


@dataclass(frozen=True)
class City:
    """A real city where a fictional retailer sits."""

    name: str
    state_province: str
    area_code: str
    languages: str = ""  # empty: the country default


@dataclass(frozen=True)
class Reference:
    """One fictional watch reference with its US retail price."""

    reference: str
    collection: str
    model_name: str
    material: str
    retail_price_usd: int
    focus: bool
    launch: date
    popularity: float  # relative sell-out rate, 1.0 = average


SEASON = "FW26"
SEASON_START = date(2026, 7, 1)
SEASON_END = date(2026, 12, 31)
FIRST_MONTH = date(2025, 1, 1)
MONTHS = 24
FX_FROM_USD = {"USD": 1.0, "CAD": 1.37, "MXN": 18.0}
PRICE_STEP = {"USD": 50, "CAD": 50, "MXN": 500}
COUNTRY_LANGUAGE = {"US": "en", "CA": "en", "MX": "es"}

REGIONS = (
    Region("US-E", "US East", "US", "USD", 12, 0.08, ("Claire Whitcombe", "Daniel Osei")),
    Region("US-W", "US West", "US", "USD", 10, 0.05, ("Marisa Tanaka", "Evan Holloway")),
    Region("CA", "Canada", "CA", "CAD", 10, -0.03, ("Geneviève Tremblay", "Owen MacLeod")),
    Region("MX", "Mexico", "MX", "MXN", 8, 0.15, ("Ximena Ortúzar", "Rodrigo Peña")),
)

# Ordered by importance: flagships go to the first cities of each list.
CITIES = {
    "US-E": (
        City("New York", "NY", "212"), City("Boston", "MA", "617"), City("Miami", "FL", "305"),
        City("Washington", "DC", "202"), City("Philadelphia", "PA", "215"), City("Chicago", "IL", "312"),
        City("Atlanta", "GA", "404"), City("Palm Beach", "FL", "561"), City("Greenwich", "CT", "203"),
        City("Charlotte", "NC", "704"), City("Short Hills", "NJ", "973"), City("Naples", "FL", "239"),
        City("Baltimore", "MD", "410"), City("Pittsburgh", "PA", "412"),
    ),
    "US-W": (
        City("Los Angeles", "CA", "213"), City("San Francisco", "CA", "415"), City("Las Vegas", "NV", "702"),
        City("Beverly Hills", "CA", "310"), City("Seattle", "WA", "206"), City("Scottsdale", "AZ", "480"),
        City("San Diego", "CA", "619"), City("Denver", "CO", "303"), City("Honolulu", "HI", "808"),
        City("Dallas", "TX", "214"), City("Houston", "TX", "713"), City("Portland", "OR", "503"),
    ),
    "CA-QC": (
        City("Montréal", "QC", "514", "fr;en"), City("Québec", "QC", "418", "fr;en"),
        City("Laval", "QC", "450", "fr;en"), City("Gatineau", "QC", "819", "fr;en"),
        City("Sherbrooke", "QC", "819", "fr;en"), City("Trois-Rivières", "QC", "819", "fr;en"),
    ),
    "CA-ROC": (
        City("Toronto", "ON", "416"), City("Vancouver", "BC", "604"), City("Calgary", "AB", "403"),
        City("Ottawa", "ON", "613", "en;fr"), City("Edmonton", "AB", "780"), City("Moncton", "NB", "506", "en;fr"),
        City("Halifax", "NS", "902"), City("Winnipeg", "MB", "204"), City("Victoria", "BC", "250"),
    ),
    "MX": (
        City("Ciudad de México", "CDMX", "55"), City("Monterrey", "Nuevo León", "81"),
        City("Guadalajara", "Jalisco", "33"), City("Cancún", "Quintana Roo", "998"),
        City("San Pedro Garza García", "Nuevo León", "81"), City("Querétaro", "Querétaro", "442"),
        City("Puebla", "Puebla", "222"), City("Mérida", "Yucatán", "999"),
        City("San José del Cabo", "Baja California Sur", "624"), City("León", "Guanajuato", "477"),
    ),
}
QUEBEC_SHARE = 0.4

# Retailer names: "{pattern}".format(a=stem, b=other stem); stems are invented.
NAME_PATTERNS = {
    "en": ("{a} & {b} Jewelers", "{a} Fine Jewelry", "{a} & {b}", "{a} Jewellers", "House of {a}"),
    "fr": ("Bijouterie {a}", "Joaillerie {a}", "{a} & {b} Joailliers", "Maison {a} Bijoux"),
    "es": ("Joyería {a}", "Relojería {a}", "{a} & {b} Joyeros", "Casa {a}"),
}
NAME_STEMS = {
    "en": ("Hartwell", "Finch", "Ashcombe", "Pemberley", "Thornbury", "Caldwell", "Whitmore",
           "Bramwell", "Ellery", "Marlowe", "Kingsley", "Aldridge", "Sutton", "Harrow", "Linden",
           "Prescott", "Rowan", "Stanhope", "Tallis", "Wexford"),
    "fr": ("Laurier", "Beaubien", "Saint-Denis", "Côté", "Lévesque", "Bélanger", "Desrochers",
           "Frontenac", "Maisonneuve", "Papineau", "Hébert", "Gagnon"),
    "es": ("Cordillera", "Alameda", "Montejo", "Peñasco", "Reforma", "Sierra Madre", "Zócalo",
           "Obregón", "Altamira", "Valdés", "Ibáñez", "Cantera"),
}
FIRST_NAMES = {
    "en": ("Emily", "James", "Olivia", "Michael", "Sophia", "David", "Grace", "Nathan", "Hannah", "Ryan"),
    "fr": ("Élodie", "Mathieu", "Chloé", "François", "Amélie", "Étienne", "Noémie", "Julien"),
    "es": ("Sofía", "Alejandro", "Valentina", "José", "Lucía", "Andrés", "Mariana", "Íñigo"),
}
LAST_NAMES = {
    "en": ("Carter", "Bennett", "Hughes", "Foster", "Reyes", "Nguyen", "Patel", "Morrison", "Sullivan", "Kim"),
    "fr": ("Gauthier", "Pelletier", "Bouchard", "Lefèvre", "Thériault", "Roy", "Ménard", "Dubé"),
    "es": ("García", "Muñoz", "Hernández", "Castañeda", "Ruiz", "Domínguez", "Navarro", "Ordóñez"),
}

TIER_SHARE = {"flagship": 0.15, "focus": 0.30}
TIER_MINIMUM = {"flagship": 1, "focus": 2}
TIER_ASSORTMENT = {"flagship": (18, 21), "focus": (14, 18), "standard": (10, 14)}
TIER_VOLUME = {"flagship": 2.6, "focus": 1.5, "standard": 0.8}

REFERENCES = (
    Reference("SOL-3812", "Solenne", "Solenne Phase de Lune 38", "gold", 24500, True, date(2019, 3, 1), 1.3),
    Reference("SOL-3810", "Solenne", "Solenne Phase de Lune 38", "steel", 11800, False, date(2019, 3, 1), 1.5),
    Reference("SOL-3340", "Solenne", "Solenne Petite Seconde 33", "two-tone", 9200, False, date(2021, 9, 1), 1.2),
    Reference("SOL-4105", "Solenne", "Solenne Quantième Perpétuel", "gold", 58500, False, date(2023, 2, 1), 0.3),
    Reference("SOL-3915", "Solenne", "Solenne Lune Céleste 39", "steel", 13900, True, date(2026, 9, 1), 1.4),
    Reference("VEY-4201", "Veyrac", "Veyrac Chronographe 42", "steel", 8900, True, date(2018, 5, 1), 1.8),
    Reference("VEY-4206", "Veyrac", "Veyrac Chronographe 42", "titanium", 10400, False, date(2022, 5, 1), 1.1),
    Reference("VEY-4250", "Veyrac", "Veyrac Rattrapante", "gold", 41500, False, date(2020, 10, 1), 0.35),
    Reference("VEY-3902", "Veyrac", "Veyrac Heritage 39", "two-tone", 7600, False, date(2017, 4, 1), 1.4),
    Reference("VEY-4010", "Veyrac", "Veyrac Chrono Piste 40", "steel", 9600, True, date(2026, 7, 1), 1.5),
    Reference("LUM-3601", "Lumeris", "Lumeris Automatique 36", "steel", 5200, False, date(2016, 2, 1), 2.2),
    Reference("LUM-3605", "Lumeris", "Lumeris Automatique 36", "two-tone", 6900, False, date(2016, 2, 1), 1.6),
    Reference("LUM-3208", "Lumeris", "Lumeris Diamant 32", "gold", 19800, True, date(2021, 11, 1), 0.9),
    Reference("LUM-2810", "Lumeris", "Lumeris Petite 28", "steel", 4300, False, date(2024, 3, 1), 1.9),
    Reference("LUM-3620", "Lumeris", "Lumeris Émail Grand Feu", "gold", 27600, False, date(2025, 10, 1), 0.5),
    Reference("NOR-4101", "Nordane", "Nordane Plongée 300", "steel", 7800, True, date(2018, 6, 1), 1.9),
    Reference("NOR-4103", "Nordane", "Nordane Plongée 300", "titanium", 9300, False, date(2022, 6, 1), 1.2),
    Reference("NOR-4022", "Nordane", "Nordane GMT Voyageur", "steel", 10900, False, date(2020, 4, 1), 1.4),
    Reference("NOR-4025", "Nordane", "Nordane GMT Voyageur", "two-tone", 14200, False, date(2023, 4, 1), 0.9),
    Reference("NOR-4400", "Nordane", "Nordane Expédition 44", "titanium", 12600, True, date(2026, 8, 1), 1.0),
    Reference("OMB-4001", "Ombrelune", "Ombrelune Tourbillon", "gold", 59500, False, date(2020, 9, 1), 0.2),
    Reference("OMB-3907", "Ombrelune", "Ombrelune Nuit Étoilée", "gold", 32800, True, date(2022, 11, 1), 0.5),
    Reference("OMB-3904", "Ombrelune", "Ombrelune Réserve de Marche", "steel", 12300, False, date(2019, 9, 1), 1.0),
    Reference("OMB-3706", "Ombrelune", "Ombrelune Squelette 37", "titanium", 21400, False, date(2024, 10, 1), 0.6),
    Reference("OMB-3509", "Ombrelune", "Ombrelune Ciel 35", "two-tone", 16500, False, date(2025, 3, 1), 0.8),
)

# Monthly sell-out seasonality, January first; Nov/Dec gifting peak.
SEASONALITY = (0.70, 0.72, 0.85, 0.88, 1.00, 1.05, 0.86, 0.84, 0.92, 1.00, 1.35, 1.95)

ACTIVATION_KINDS = {  # kind: (min days, max days, min spend USD, max spend USD)
    "window": (21, 45, 8000, 30000),
    "event": (1, 3, 15000, 60000),
    "digital": (14, 42, 5000, 25000),
    "pos": (28, 84, 3000, 15000),
    "clienteling": (7, 28, 2000, 10000),
}
ACTIVATION_NAMES = {
    "window": "{c} window takeover",
    "event": "{c} evening with the Maison",
    "digital": "{c} local social campaign",
    "pos": "{c} counter display refresh",
    "clienteling": "{c} private appointments",
}

# Invented houses; checked against known watch and jewellery brands.
COMPETITORS = ("Maison Kessel", "Horlogerie Brante", "Atelier Norr", "Tessard & Fils", "Oberlin Genève")
COMPETITOR_MOVES = (
    "Pop-up boutique", "Trunk show with master watchmaker", "Retail price increase of 6 %",
    "New mono-brand boutique", "Influencer gifting campaign", "Limited edition for the region",
    "Department-store shop-in-shop", "Extended warranty offer",
)
IMPACTS = ("low", "medium", "high")

TRAINING_TOPICS = (
    "Solenne moonphase complication", "Veyrac chronograph functions", "Lumeris jewellery pieces",
    "Nordane dive watch standards", "Ombrelune haute horlogerie", "Clienteling essentials",
    "After-sales and warranty", "Holiday gifting storytelling", "FW26 novelties",
)
TRAINING_FORMATS = ("in-store", "virtual")

# (name, category, start, end) shared by every region.
GLOBAL_INITIATIVES = (
    ("FW26 novelties launch", "launch", date(2026, 7, 1), date(2026, 9, 30)),
    ("Solenne Lune Céleste launch", "launch", date(2026, 9, 1), date(2026, 10, 31)),
    ("Holiday gifting campaign", "campaign", date(2026, 11, 1), date(2026, 12, 31)),
    ("Maison Orvelle sales academy", "training", date(2026, 7, 15), date(2026, 11, 15)),
)
REGIONAL_INITIATIVES = (
    ("Autumn window theme", "visual-merchandising", 8, 60),
    ("Veyrac Chrono Piste roadshow", "event", 7, 30),
    ("Nordane Expédition press day", "event", 8, 5),
    ("Back-to-season clienteling push", "campaign", 9, 30),
    ("Ombrelune private salon", "event", 10, 14),
    ("Holiday window installation", "visual-merchandising", 11, 45),
    ("Retailer product masterclass", "training", 9, 45),
    ("Year-end VIP dinners", "event", 12, 10),
)
INITIATIVE_OWNERS = {
    "ALL": "Hélène Marchand (HQ Marketing)",
    "US-E": "Patrick Doyle", "US-W": "Alison Reyes", "CA": "Sébastien Roy", "MX": "Daniela Ibarra",
}
REGION_SIGNATURES = {  # (name, category, month, days): one local highlight per region
    "US-E": ("Palm Beach winter trunk show", "event", 12, 4),
    "US-W": ("Las Vegas holiday pop-up", "event", 11, 21),
    "CA": ("Salon horloger de Montréal", "event", 10, 3),
    "MX": ("El Buen Fin clienteling push", "campaign", 11, 10),
}

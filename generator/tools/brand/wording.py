"""Every word drawn in the campaign visuals, in Quebec French and Mexican Spanish.

The drawings write English; ``words(language)`` gives the function they write through. A text
without a translation here stops ``make brand`` (KeyError) rather than leave English in a French
or Spanish visual. Product and place names (Solenne, Salon des Cadrans) stay as they are.
"""

from __future__ import annotations

from typing import Callable

TRANSLATIONS: dict[str, dict[str, str]] = {
    "fr": {
        "AUTUMN – WINTER COLLECTION": "COLLECTION AUTOMNE-HIVER",
        "The hour of light": "L’heure de la lumière",
        "Solenne — a window on the hour": "Solenne — une vitrine sur l’heure",
        "Veyrac — precision, quietly": "Veyrac — la précision, en toute discrétion",
        "Ask our specialist for a private fitting": "Demandez un essayage privé à notre spécialiste",
        "Lumeris — light in every second": "Lumeris — la lumière à chaque seconde",
        "Ombrelune — the night, measured": "Ombrelune — la nuit, mesurée",
        "Twelve indices, one gesture": "Douze index, un seul geste",
        "BY INVITATION": "SUR INVITATION",
        "An evening with Nordane": "Une soirée avec Nordane",
        "Geneva · Salon des Cadrans · 7 pm": "Genève · Salon des Cadrans · 19 h",
    },
    "es": {
        "AUTUMN – WINTER COLLECTION": "COLECCIÓN OTOÑO-INVIERNO",
        "The hour of light": "La hora de la luz",
        "Solenne — a window on the hour": "Solenne — un aparador a la hora",
        "Veyrac — precision, quietly": "Veyrac — precisión, con discreción",
        "Ask our specialist for a private fitting": "Solicite a nuestro especialista una prueba privada",
        "Lumeris — light in every second": "Lumeris — luz en cada segundo",
        "Ombrelune — the night, measured": "Ombrelune — la noche, medida",
        "Twelve indices, one gesture": "Doce índices, un solo gesto",
        "BY INVITATION": "POR INVITACIÓN",
        "An evening with Nordane": "Una velada con Nordane",
        "Geneva · Salon des Cadrans · 7 pm": "Ginebra · Salon des Cadrans · 7:00 p. m.",
    },
}


def words(language: str | None) -> Callable[[str], str]:
    """Return the function giving an English text of the drawings in ``language`` (None: English)."""
    if language is None:
        return lambda text: text
    table = TRANSLATIONS[language]
    return lambda text: table[text]

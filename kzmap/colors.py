"""One colour per partner, shared by the map, the timeline and the sidebar."""
from __future__ import annotations

# Fixed colours for the partners these articles speak of most; others get a stable colour
# from the palette by their code, so a partner keeps its colour across runs and views.
FIXED = {
    "CN": "#d62728", "RU": "#1f77b4", "EU": "#2ca02c", "GB": "#9467bd", "US": "#17becf",
    "IT": "#8c564b", "TR": "#e377c2", "UZ": "#bcbd22", "DE": "#7f7f7f", "JP": "#ff7f0e",
    "KZ": "#4d4d4d",
}
PALETTE = ("#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354",
           "#756bb1", "#636363", "#6baed6", "#fd8d3c", "#74c476", "#9e9ac8", "#969696", "#b5cf6b")
NO_PARTNER = "#999999"


def partner_color(code: str | None) -> str:
    if not code:
        return NO_PARTNER
    if code in FIXED:
        return FIXED[code]
    return PALETTE[sum(map(ord, code)) % len(PALETTE)]

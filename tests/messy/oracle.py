"""Figures worked out by hand from the messy year's dataset, and a build's JSON in their shape."""

from __future__ import annotations

# ---------------------------------------------------------------------------- the clean year

# Worked out by hand (data-contract §3): (numerator, denominator, met, gap_units).
# District library 1/1 and 1/1; commune libraries serve: Đắk La, TT Đắk Hà, Hà Mòn = 3/7 (≥20%),
# digital: Đắk La, Đắk Ui, TT Đắk Hà = 3/7 (≥10%); schools serve 4/5 (≥70%), digital 2/5 < 70%:
# ceil(3.5) - 2 = 2 more; uses 12500 + 10200 + 1384 + 300 + 420 + 2050 + 210 + 180 + 640 = 27884,
# +11.5% over 25000; institutions with both Có: 4/8 = 50%, met exactly.
CLEAN_INDICATORS = {
    "TV_HTSD_HUYEN": (1, 1, True, 0),
    "TV_HTSD_XA": (3, 7, True, 0),
    "TV_HTSD_GD": (4, 5, True, 0),
    "TV_CDS_HUYEN": (1, 1, True, 0),
    "TV_CDS_XA": (3, 7, True, 0),
    "TV_CDS_GD": (2, 5, False, 2),
    "TV_LUOT_TANG": (27_884, 25_000, True, 0),
    "VH_CLB": (4, 8, True, 0),
}
# (libraries, serving, digital, uses, institutions, active, activities, participants, state, social)
CLEAN_UNITS = {
    "TT-DAKHA": (1, 1, 1, 2_050, 2, 1, 1, 300, 8_000_000, 0),
    "XA-DAKLA": (2, 1, 1, 1_384, 3, 1, 1, 120, 0, 2_000_000),
    "XA-DAKNGOK": (1, 0, 0, 180, 0, 0, 1, 50, 0, 0),
    "XA-DAKPXI": (1, 0, 0, 300, 1, 1, 0, 0, 0, 0),
    "XA-DAKUI": (1, 0, 1, 420, 0, 0, 1, 60, 0, 0),
    "XA-HAMON": (1, 1, 0, 640, 1, 0, 1, 40, 15_000_000, 0),
    "XA-NGOKWANG": (1, 0, 0, 210, 1, 1, 1, 85, 0, 0),
    "PGDDT": (5, 4, 2, 10_200, 0, 0, 1, 2_400, 30_000_000, 0),
    "TTVHTT": (1, 1, 1, 12_500, 0, 0, 3, 1_575, 12_500_000, 5_000_000),
}
CLEAN_TASKS = {1: (5, 4_155), 2: (2, 85), 3: (1, 30), 4: (0, 0), 5: (2, 360)}
CLEAN_FUNDING = {"state": 65_500_000, "social": 7_000_000}

# ---------------------------------------------------------------------------- the bad year

# Worked out by hand: the clean year without exactly the bad rows. Schools lose Kim Đồng
# (Có, Có, 1800 uses): 3/4 serve (≥70%), 1/4 digital: ceil(2.8) - 1 = 2 more; Đắk La's reading
# point (150 uses) goes too: 27884 - 1800 - 150 = 25934 uses, 3.7% < 8%: 27000 - 25934 = 1066
# more; institutions lose Đắk La thôn 1 and tổ dân phố 3 (neither active): 4/6.
BAD_INDICATORS = {
    **CLEAN_INDICATORS,
    "TV_HTSD_GD": (3, 4, True, 0),
    "TV_CDS_GD": (1, 4, False, 2),
    "TV_LUOT_TANG": (25_934, 25_000, False, 1_066),
    "VH_CLB": (4, 6, True, 0),
}
BAD_UNITS = {
    **CLEAN_UNITS,
    "TTVHTT": (1, 1, 1, 12_500, 0, 0, 2, 1_545, 12_500_000, 5_000_000),
    "PGDDT": (4, 3, 1, 8_400, 0, 0, 1, 2_400, 0, 0),
    "XA-DAKLA": (1, 1, 1, 1_234, 2, 1, 1, 120, 0, 2_000_000),
    "XA-DAKUI": (1, 0, 1, 420, 0, 0, 0, 0, 0, 0),
    "TT-DAKHA": (1, 1, 1, 2_050, 1, 1, 1, 300, 8_000_000, 0),
}
BAD_TASKS = {1: (5, 4_155), 2: (2, 85), 3: (0, 0), 4: (0, 0), 5: (1, 300)}
BAD_FUNDING = {"state": 35_500_000, "social": 7_000_000}

# ------------------------------------------------------------ a build's JSON in these shapes


def indicators(figures: dict) -> dict[str, tuple[int, int, bool, int]]:
    """Each indicator as (numerator, denominator, met, gap_units), by code."""
    return {
        i["code"]: (i["numerator"], i["denominator"], i["met"], i["gap_units"])
        for i in figures["indicators"]
    }


def per_unit(figures: dict) -> dict[str, tuple[int, ...]]:
    """Each unit's figures in the order of CLEAN_UNITS' tuples, by code."""
    keys = (
        "libraries",
        "libraries_serving",
        "libraries_digital",
        "library_uses",
        "institutions",
        "institutions_active",
        "activities",
        "participants",
        "state_funding",
        "social_funding",
    )
    return {u["unit"]: tuple(u[k] for k in keys) for u in figures["per_unit"]}


def tasks(figures: dict) -> dict[int, tuple[int, int]]:
    """Each task group as (activities, participants), by number."""
    return {g["number"]: (g["activities"], g["participants"]) for g in figures["task_groups"]}

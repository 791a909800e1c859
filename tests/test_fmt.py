"""Numbers as a Vietnamese report prints them."""

from datetime import date
from fractions import Fraction

import pytest

from reportgen import fmt


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(3, 11), "27,3%"),
        (Fraction(1, 3), "33,3%"),
        (Fraction(625, 10000), "6,3%"),  # 6,25 -> 6,3 half-up
        (Fraction(2, 10), "20,0%"),
        (Fraction(1996, 10000), "20,0%"),
        (Fraction(1), "100,0%"),
        (Fraction(0), "0,0%"),
        (Fraction(-5, 100), "-5,0%"),
        (None, "không có số liệu"),
    ],
    ids=["3/11", "1/3", "half-up", "exact", "19.96", "all", "zero", "negative", "none"],
)
def test_percent(value, expected):
    assert fmt.percent(value) == expected


def test_integers_and_money_use_dot_thousands():
    assert fmt.integer(12500) == "12.500"
    assert fmt.integer(999) == "999"
    assert fmt.money(12_500_000) == "12.500.000 đồng"


def test_targets_drop_needless_decimals():
    assert fmt.target(Fraction(1, 5)) == "20%"
    assert fmt.target(Fraction(2, 25), Fraction(1, 10)) == "8 - 10%"
    assert fmt.target(Fraction(1, 8)) == "12,5%"


def test_dates_pad_day_and_early_months():
    assert fmt.long_date(date(2025, 1, 5)) == "ngày 05 tháng 01 năm 2025"
    assert fmt.long_date(date(2025, 6, 15)) == "ngày 15 tháng 6 năm 2025"
    assert fmt.document_number("5") == "05"
    assert fmt.document_number("") == ""


def test_point_letters_follow_vietnamese_order():
    assert [fmt.point_letter(i) for i in range(10)] == list("abcd") + ["đ"] + list("eghik")


@pytest.mark.parametrize(
    ("met", "status", "word"),
    [
        (True, "ok", "Đạt"),
        (False, "ok", "Chưa đạt"),
        (None, "no_data", "Không có số liệu"),
        (None, "insufficient", "Chưa đủ số liệu"),
        (None, "", "Không có số liệu"),
    ],
    ids=["met", "not-met", "no-data", "insufficient", "unknown-status"],
)
def test_verdict_words(met, status, word):
    assert fmt.verdict(met, status) == word

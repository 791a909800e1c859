"""The legacy-font accuracy the tool promises, measured by scripts/legacy_accuracy.py on the
hand-written name and word lists in tests/data (encoded by the script's own UniKey tables)."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.conftest import load_script


@pytest.fixture(scope="module")
def accuracy() -> ModuleType:
    return load_script("legacy_accuracy")


@pytest.fixture(scope="module")
def groups(accuracy) -> dict[str, list[str]]:
    return accuracy.corpus(plan=None)  # the lists in tests/data, whatever machine this is


@pytest.mark.parametrize("mode", ["font", "sheet"], ids=["font-hint", "sheet-evidence"])
@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_with_evidence_at_least_99_5_percent_read_right(accuracy, groups, encoding, mode):
    found = accuracy.measure(groups)[(encoding, mode)]
    right = sum(rate[0] for rate in found.values())
    total = sum(rate[1] for rate in found.values())
    assert total > 900 and right / total >= 0.995, found


def test_no_unicode_string_is_ever_changed(accuracy, groups):
    changed, in_sheet, warned = accuracy.false_positives(groups)
    assert (changed, in_sheet, warned) == ([], 0, 0)


def test_the_scripts_encoder_follows_unikeys_tables(accuracy):
    assert (
        accuracy.encode("Ủy ban nhân dân xã Ia Đal", accuracy.TCVN3_OF)
        == "ñy ban nh©n d©n x· Ia §al"
    )
    assert accuracy.encode("Xã Ya Xiêr, Ơ Ư", accuracy.VNI_OF) == "Xaõ Ya Xieâr, Ô Ö"

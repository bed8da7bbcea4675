"""Every built-in letter, rendered from facts that end in their own full stops, reads as Chinese:
no doubled word or mark (「按按」「。。」「。”。」), no line that starts with a mark, no field
left unfilled."""

import re

import pytest
import time_machine

from gongkai.applications import letters, services
from gongkai.applications.models import LetterKind
from gongkai.core.line_breaking import CANNOT_START
from tests.applications.cases import d, make_case
from tests.conftest import make_staff

ARTEFACTS = re.compile(r"按按|[。，、；：？！][。，、；：]|[。；，]”[。；，]|（）|“”|\{\{|\}\}|\{%")


def _prepare(case, kind, clerk):
    """Record the facts each kind needs, each typed with a closing full stop."""
    if kind == LetterKind.CORRECTION:
        services.request_correction(
            case, on=d("2025-10-28"), deadline=d("2025-11-11"), items="请写明年份。", user=clerk
        )
    elif kind == LetterKind.EXTENSION:
        services.request_extension(
            case, on=d("2025-11-12"), workdays=10, reason="需要调取的档案较多。", user=clerk
        )
    elif kind == LetterKind.CONSULTATION:
        services.start_consultation(
            case, on=d("2025-10-29"), party="某某公司。", party_kind="third_party", user=clerk
        )
    elif kind == LetterKind.FEE:
        services.assess_fee(case, on=d("2025-10-30"), method="per_page", pages=50, user=clerk)
    elif kind == LetterKind.REPLY:
        services.decide(
            case,
            on=d("2025-11-18"),
            outcome="partial",
            legal_basis="《中华人民共和国政府信息公开条例》第三十七条。",
            reasons="其中涉及个人隐私的内容不予公开。",
            enclosures=["低保资金发放明细。"],
            user=clerk,
        )


@pytest.mark.parametrize("kind", list(LetterKind))
@time_machine.travel("2025-11-20 10:00 +0800")
def test_the_built_in_wording_has_no_artefacts(kind, agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-10-27", user=clerk, description="低保资金发放明细。")
    _prepare(case, kind, clerk)
    text = letters.generate(case, kind, user=clerk).text
    assert not ARTEFACTS.search(text), ARTEFACTS.search(text)
    for line in filter(None, text.splitlines()):
        assert line.strip() == line, f"首尾空白：{line!r}"
        assert line[0] not in CANNOT_START, f"行首标点：{line}"

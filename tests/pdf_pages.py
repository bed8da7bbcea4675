"""Read a PDF's printed lines back with their positions (pdftotext -bbox-layout), and render its
pages to PNG (pdftoppm) into test-artifacts/screenshots for a person to look at."""

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

MM = 72 / 25.4
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"


@dataclass(frozen=True)
class Line:
    page: int
    left: float  # millimetres from the page's left edge
    right: float
    top: float  # millimetres from the page's top edge
    bottom: float
    text: str

    @property
    def middle(self) -> float:
        return (self.left + self.right) / 2


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed: apt-get install poppler-utils")
    return path


def lines(pdf: bytes, tmp_path: Path) -> list[Line]:
    source = tmp_path / "read.pdf"
    source.write_bytes(pdf)
    xml = subprocess.run(
        [_tool("pdftotext"), "-bbox-layout", str(source), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = []
    for number, page in enumerate(xml.split("<page ")[1:], 1):
        for match in re.finditer(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
            r'yMax="([\d.]+)">(.*?)</line>',
            page,
            re.S,
        ):
            left, top, right, bottom = (float(match.group(i)) / MM for i in (1, 2, 3, 4))
            text = "".join(re.findall(r">([^<]*)</word>", match.group(5)))
            found.append(Line(number, left, right, top, bottom, text))
    return found


def screenshot(pdf: bytes, name: str, tmp_path: Path) -> list[Path]:
    """Every page as PNG, named `name-1.png` …; returns the files."""
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(
        [_tool("pdftoppm"), "-png", "-r", "60", str(source), str(SCREENSHOTS / name)], check=True
    )
    return sorted(SCREENSHOTS.glob(f"{name}-*.png"))

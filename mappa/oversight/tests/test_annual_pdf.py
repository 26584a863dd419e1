"""The annual statistics PDF renders its charts and tables: checked by turning pages into images
(pdftoppm) and reading its text (pdftotext), both from poppler-utils."""

import shutil
import subprocess

import pytest
from PIL import Image

from mappa.oversight.tests.test_annual_report import report

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftoppm"), reason="poppler-utils (pdftoppm) is not installed"
)
BLUE, PURPLE = (0x1D, 0x70, 0xB8), (0x4C, 0x2C, 0x92)  # the charts' level 1 and level 2 colours


@pytest.fixture
def document(loaded, tmp_path):
    out = tmp_path / "annual.pdf"
    report("--format", "pdf", "--out", str(out))
    return out


def pages_as_images(pdf, tmp_path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "page")], check=True)
    return [Image.open(path).convert("RGB") for path in sorted(tmp_path.glob("page-*.png"))]


def near(colour, wanted, tolerance=12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, wanted, strict=True))


def test_the_pdf_draws_its_charts_in_their_colours(document, tmp_path):
    assert document.read_bytes().startswith(b"%PDF")
    images = pages_as_images(document, tmp_path)
    assert images, "pdftoppm produced no pages"
    colours = set()
    for image in images:
        colours |= {colour for _, colour in image.getcolors(maxcolors=1_000_000)}
    # The first chart stacks level 1 (blue) and level 2 (purple) bars: both are drawn.
    assert any(near(c, BLUE) for c in colours), "no blue chart bars"
    assert any(near(c, PURPLE) for c in colours), "no purple chart bars"
    first = images[0].getcolors(maxcolors=1_000_000)
    dark = sum(count for count, colour in first if sum(colour) < 200)
    assert dark > 1000, "the first page looks blank"


def test_the_pdf_holds_every_table_with_the_marking_recipient_and_time(document):
    text = subprocess.run(
        ["pdftotext", "-layout", str(document), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("OFFICIAL-SENSITIVE") >= 2
    assert "Issued to the mappa command line on" in text
    for caption in (
        "Data for the chart: MAPPA-eligible people in the community on 2026-03-31",
        "Data for the chart: People managed at level 2 or 3 during the year",
        "Data for the chart: Breaches, revocations and orders during the year",
        "Data for the chart: Returned to custody during the year, by level",
        "Data for the chart: Charged with a serious further offence during the year",
    ):
        assert caption in " ".join(text.split()), caption
    assert "Page 1 of" in text

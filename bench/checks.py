"""Benchmark of the pre-publication checks: throughput on plain text and a 300-page document.

Run: .venv/bin/python bench/checks.py [--megabytes N]

Input: the simplified-Chinese bodies of shared/corpus/government-texts.jsonl.xz (laws,
State Council documents, provincial work reports), checked one document at a time as the
save hook would, on one core. The 300-page document is the corpus's paragraphs joined in
order until it holds 300 pages of GB/T 9704 type area (22 lines × 28 characters); it is also
typeset as a PDF to show what text extraction costs before the check.
"""

import argparse
import io
import json
import lzma
import time
from pathlib import Path

from gongkai.checks import all_kinds, check_text, extract_bytes

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "government-texts.jsonl.xz"
CHARS_PER_PAGE = 22 * 28
TARGET_MB_PER_S = 5.0
TARGET_300_PAGES_S = 1.0


def load_bodies(limit_bytes: int) -> list[str]:
    bodies: list[str] = []
    total = 0
    with lzma.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["script"] != "hans":
                continue
            bodies.append(record["body"])
            total += len(record["body"].encode("utf-8"))
            if total >= limit_bytes:
                break
    return bodies


def pdf_of(document: str) -> bytes:
    """The document typeset as a PDF, CHARS_PER_PAGE characters a page (reportlab, a dev extra)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page_start in range(0, len(document), CHARS_PER_PAGE):
        page = document[page_start : page_start + CHARS_PER_PAGE].replace("\n", " ")
        pdf.setFont("STSong-Light", 10)
        for line_start in range(0, len(page), 28):
            pdf.drawString(72, 780 - 30 * (line_start // 28), page[line_start : line_start + 28])
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0, help="plain text to check")
    args = parser.parse_args()

    bodies = load_bodies(int(args.megabytes * 1024 * 1024))
    size = sum(len(body.encode("utf-8")) for body in bodies)
    chars = sum(len(body) for body in bodies)

    started = time.perf_counter()
    check_text(bodies[0])
    warm_up = time.perf_counter() - started  # builds the automata and the script tables

    started = time.perf_counter()
    findings = sum(len(check_text(body)) for body in bodies)
    elapsed = time.perf_counter() - started
    rate = size / 1024 / 1024 / elapsed

    document = ""
    for body in bodies:
        document += body + "\n"
        if len(document) >= 300 * CHARS_PER_PAGE:
            break
    document = document[: 300 * CHARS_PER_PAGE]
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        check_text(document)
        runs.append(time.perf_counter() - started)
    page_time = min(runs)

    print(f"checks: {len(all_kinds())} kinds; corpus {CORPUS.name}, simplified-Chinese bodies only")
    print(f"one-off set-up (word lists, automata, script tables): {warm_up:.2f} s")
    print(
        f"plain text: {len(bodies)} documents, {size / 1024 / 1024:.1f} MB UTF-8 "
        f"({chars / 1e6:.1f} M characters), {findings} findings, {elapsed:.2f} s "
        f"-> {rate:.1f} MB/s on one core (target >= {TARGET_MB_PER_S:.0f} MB/s, "
        f"ratio {rate / TARGET_MB_PER_S:.1f}x)"
    )
    print(
        f"300-page document: {len(document)} characters, best of 5 {page_time * 1000:.0f} ms "
        f"(target < {TARGET_300_PAGES_S:.0f} s, ratio {TARGET_300_PAGES_S / page_time:.1f}x)"
    )
    pdf = pdf_of(document)
    started = time.perf_counter()
    extracted = extract_bytes(pdf, ".pdf")
    extraction = time.perf_counter() - started
    started = time.perf_counter()
    check_text(extracted)
    checking = time.perf_counter() - started
    print(
        f"300-page PDF ({len(pdf) / 1024 / 1024:.1f} MB, made with reportlab): text extraction "
        f"{extraction:.1f} s (pypdf, not part of the target), check {checking * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()

"""The public copy of a PDF carries no active content: no document or page actions, no
JavaScript in links or in the names tree, no embedded files, no launch actions; the text stays."""

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from gongkai.catalog.attachments import prepare
from tests.catalog.files import pdf_bytes

ACTIVE_KEYS = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/OpenAction", b"/AA")


def _action(kind: str, **entries) -> DictionaryObject:
    action = DictionaryObject({NameObject("/Type"): NameObject("/Action")})
    action[NameObject("/S")] = NameObject(kind)
    for key, value in entries.items():
        action[NameObject(f"/{key}")] = value
    return action


def _link(writer: PdfWriter, action: DictionaryObject, **extra) -> object:
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (10, 10, 100, 40)]),
            NameObject("/A"): action,
        }
    )
    for key, value in extra.items():
        annotation[NameObject(f"/{key}")] = value
    return writer._add_object(annotation)


def armed_pdf() -> bytes:
    """A PDF carrying every kind of active content a reader might run, and one plain web link."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Notice 2026"))))
    page = writer.pages[0]
    script = _action("/JavaScript", JS=TextStringObject("app.alert('page open')"))
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): script})
    page[NameObject("/Annots")] = ArrayObject(
        [
            _link(writer, _action("/JavaScript", JS=TextStringObject("app.launchURL('x')"))),
            _link(writer, _action("/Launch", F=TextStringObject("cmd.exe"))),
            _link(
                writer,
                _action("/URI", URI=TextStringObject("https://www.gov.cn/")),
                AA=DictionaryObject({NameObject("/E"): script}),
            ),
            _link(writer, _action("/URI", URI=TextStringObject("javascript:alert(1)"))),
            writer._add_object(
                DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/Annot"),
                        NameObject("/Subtype"): NameObject("/FileAttachment"),
                        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (0, 0, 9, 9)]),
                    }
                )
            ),
        ]
    )
    writer.add_attachment("payload.exe", b"MZ" + b"\x00" * 64)
    names = writer._root_object["/Names"]
    names[NameObject("/JavaScript")] = DictionaryObject(
        {
            NameObject("/Names"): ArrayObject(
                [TextStringObject("init"), _action("/JavaScript", JS=TextStringObject("1"))]
            )
        }
    )
    writer._root_object[NameObject("/OpenAction")] = _action(
        "/JavaScript", JS=TextStringObject("app.alert('open')")
    )
    writer._root_object[NameObject("/AA")] = DictionaryObject({NameObject("/WC"): script})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def armed():
    data = armed_pdf()
    assert all(key in data for key in ACTIVE_KEYS)
    return data


def test_no_active_content_survives_in_the_bytes(armed):
    clean = prepare(armed).data
    present = [key.decode() for key in ACTIVE_KEYS if key in clean]
    assert present == []
    assert b"cmd.exe" not in clean
    assert b"javascript:" not in clean.lower()
    assert b"payload.exe" not in clean


def test_the_clean_copy_reads_back_with_its_text_and_its_plain_link(armed):
    prepared = prepare(armed)
    reader = PdfReader(io.BytesIO(prepared.data))
    root = reader.trailer["/Root"]
    assert "/OpenAction" not in root and "/AA" not in root and "/Names" not in root
    page = reader.pages[0]
    assert "/AA" not in page
    annotations = [a.get_object() for a in page.get("/Annots", [])]
    assert [a["/Subtype"] for a in annotations] == ["/Link"]
    assert annotations[0]["/A"]["/URI"] == "https://www.gov.cn/"
    assert "/AA" not in annotations[0]
    assert "Notice 2026" in page.extract_text()
    assert "Notice 2026" in prepared.text

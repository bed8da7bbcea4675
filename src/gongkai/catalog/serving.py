"""How stored files are handed out so that none can run in the browser: the type they were
sniffed as and never another (`nosniff`), a download for anything but PDF and images, and a
PDF shown in the page only inside a sandbox where scripts cannot run."""

from django.http import FileResponse

from .attachments import CONTENT_TYPES

INLINE_KINDS = frozenset({"pdf", "png", "jpeg"})


def file_response(file, *, kind: str, filename: str, inline: bool = False) -> FileResponse:
    """A response serving `file` of sniffed type `kind`; `inline` asks to show it in the page,
    granted for PDF and images only."""
    inline = inline and kind in INLINE_KINDS
    response = FileResponse(
        file,
        as_attachment=not inline,
        filename=filename,
        content_type=CONTENT_TYPES.get(kind, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    if inline and kind == "pdf":
        response["Content-Security-Policy"] = "sandbox; frame-ancestors 'none'"
    return response

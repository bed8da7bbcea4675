"""A leader's photo: checked like every upload (`catalog/attachments.py`: type sniffed from the
bytes, pixels bounded before decoding by `lib/upload_limits.py`, metadata such as EXIF and GPS
stripped), and only a PNG or JPEG image is taken."""

import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile

from gongkai.catalog.attachments import AttachmentError, prepare, storage_name
from gongkai.lib.errors import Refused

# A portrait for a web page; the attachments' 20 MB would be far more than one needs.
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_KINDS = frozenset({"png", "jpeg"})


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def put_photo(entry, upload: Upload) -> None:
    """Check, strip and store `upload` as the entry's photo (the entry is saved by the caller);
    raises Refused on the field `photo`."""
    try:
        prepared = prepare(upload.data, limit=PHOTO_MAX_BYTES)
    except AttachmentError as error:
        raise Refused(str(error), "photo") from None
    if prepared.kind not in PHOTO_KINDS:
        raise Refused("照片只能是 PNG 或 JPEG 图片。", "photo")
    entry.photo.save(
        storage_name(upload.data, prepared.kind), ContentFile(prepared.data), save=False
    )
    entry.photo_kind = prepared.kind
    entry.photo_sha256 = hashlib.sha256(prepared.data).hexdigest()

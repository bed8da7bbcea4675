"""The index folder's generations: a rebuild writes a new index beside the live one.

`GONGKAI_SEARCH_INDEX_DIR` holds one folder per rebuilt index (`gen-…`) and a file `CURRENT`
naming the live one. A rebuild fills a new generation while readers keep answering from the
live one, then replaces `CURRENT` in one rename (atomic on POSIX); readers follow it at their
next refresh. A generation that `CURRENT` does not name is either the predecessor of a
finished rebuild or what a killed one left half-built: the next rebuild removes it.

An index that has never been rebuilt lives directly in the folder (every process then opens
the same place, so the first writer and the first reader cannot create two indexes); its files
are removed once a rebuild's generation is live.
"""

import os
import secrets
import shutil
import time
from pathlib import Path

POINTER = "CURRENT"
PREFIX = "gen-"


def live(root: Path) -> Path:
    """The folder of the live index: the generation `CURRENT` names, else `root` itself."""
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return root
    return root / name


def pointer_stamp(root: Path) -> tuple[int, int, int] | None:
    """Changes whenever `CURRENT` is replaced (a new file each time); None while absent."""
    try:
        found = (root / POINTER).stat()
    except FileNotFoundError:
        return None
    return found.st_ino, found.st_mtime_ns, found.st_size


def new_generation(root: Path) -> Path:
    """An empty folder for a rebuild, named so that generations sort by when they began."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    path = root / f"{PREFIX}{stamp}-{os.getpid()}-{secrets.token_hex(3)}"
    path.mkdir(parents=True)
    return path


def make_live(root: Path, generation: Path) -> None:
    """Point `CURRENT` at `generation` in one rename, flushed to disk before and after, so a
    crash leaves either the old pointer or the new one, never a torn file."""
    temporary = root / f".{POINTER}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(generation.name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, root / POINTER)
    folder = os.open(root, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def discard_others(root: Path) -> None:
    """Remove every generation but the live one, and, once a generation is live, the files of
    an index that lived directly in the folder. Readers still holding a removed index keep
    their open files (POSIX) and move to the live one at their next refresh."""
    current = live(root)
    for entry in root.iterdir():
        if entry == current or entry.name == POINTER:
            continue
        if entry.is_dir() and entry.name.startswith(PREFIX):
            shutil.rmtree(entry, ignore_errors=True)
        elif current != root and entry.is_file():
            entry.unlink(missing_ok=True)

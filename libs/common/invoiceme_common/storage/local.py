"""Files in a folder: single-host setups and the CLI. Writes go to a `.part` file renamed into
place, so readers never see half a file."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

from .base import (
    DEFAULT_CONTENT_TYPE,
    HashingCounter,
    Source,
    StorageBase,
    StorageUnavailable,
    StoredObject,
    StoredObjectMissing,
    check_key,
    chunks_of,
    read_chunks,
)

_PARTIAL = ".part"


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(2**20):
            digest.update(chunk)
    return digest.hexdigest()


class LocalFileStorage(StorageBase):
    backend = "local"

    def __init__(self, root: str | Path) -> None:
        self._root = Path(root)

    def _path(self, key: str) -> Path:
        return self._root / check_key(key)

    async def put(
        self, key: str, source: Source, *, sha256: str | None = None, content_type: str = DEFAULT_CONTENT_TYPE
    ) -> StoredObject:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + _PARTIAL)
        counter = HashingCounter()
        try:
            with partial.open("wb") as file:
                async for chunk in chunks_of(source):
                    counter.update(chunk)
                    await asyncio.to_thread(file.write, chunk)
            counter.verify(key, sha256)
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
        return StoredObject(key, counter.size, counter.sha256, content_type)

    async def open(self, key: str) -> AsyncIterator[bytes]:
        try:
            file = self._path(key).open("rb")
        except FileNotFoundError as exc:
            raise StoredObjectMissing(key) from exc
        return read_chunks(file)

    async def stat(self, key: str) -> StoredObject | None:
        path = self._path(key)
        try:
            size = path.stat().st_size
            return StoredObject(key, size, await asyncio.to_thread(_file_sha256, path))
        except FileNotFoundError:
            return None

    async def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    async def keys(self, prefix: str = "") -> AsyncIterator[str]:
        if not self._root.is_dir():
            return
        for folder, _, names in os.walk(self._root):
            for name in sorted(names):
                key = (Path(folder) / name).relative_to(self._root).as_posix()
                if key.startswith(prefix) and not name.endswith(_PARTIAL):
                    yield key

    async def check(self) -> None:
        try:
            self._root.mkdir(parents=True, exist_ok=True)
            if not os.access(self._root, os.W_OK):
                raise StorageUnavailable(f"storage folder {self._root} is not writable")
        except OSError as exc:
            raise StorageUnavailable(f"storage folder {self._root}: {exc.strerror}") from exc

"""Moving every stored file from one backend to another without trusting either blindly.

Copy: each object streams from the source into the destination with the source's SHA-256, so a
corrupted copy is refused before it becomes visible; objects already at the destination with the
same hash and size are skipped, which makes an interrupted run resumable. Verify: every object is
read back from the destination and hashed. The caller switches backends only when nothing differs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .base import DEFAULT_CONTENT_TYPE, ObjectStorage, StorageIntegrityError, StoredObject

Progress = Callable[[str], None]  # called with each key once it is done


@dataclass
class CopyResult:
    copied: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already there, same hash (an earlier run)
    vanished: list[str] = field(default_factory=list)  # listed, then deleted before it was copied


@dataclass
class VerifyResult:
    matching: list[str] = field(default_factory=list)
    mismatched: dict[str, str] = field(default_factory=dict)  # key -> what differs

    @property
    def all_match(self) -> bool:
        return not self.mismatched


async def stream_sha256(storage: ObjectStorage, key: str) -> tuple[str, int]:
    """Hash and size of an object as read back, chunk by chunk."""
    digest, size = hashlib.sha256(), 0
    async for chunk in await storage.open(key):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


async def _source_facts(source: ObjectStorage, key: str) -> StoredObject | None:
    stat = await source.stat(key)
    if stat is None or stat.sha256 is not None:
        return stat
    sha256, size = await stream_sha256(source, key)  # written without a recorded hash
    return StoredObject(key, size, sha256, stat.content_type)


async def copy_objects(
    source: ObjectStorage, destination: ObjectStorage, keys: Iterable[str], done: Progress = lambda key: None
) -> CopyResult:
    result = CopyResult()
    for key in keys:
        facts = await _source_facts(source, key)
        if facts is None:
            result.vanished.append(key)
        else:
            there = await destination.stat(key)
            if there is not None and (there.sha256, there.size) == (facts.sha256, facts.size):
                result.skipped.append(key)
            else:
                content_type = facts.content_type or DEFAULT_CONTENT_TYPE
                await destination.put(
                    key, await source.open(key), sha256=facts.sha256, content_type=content_type
                )
                result.copied.append(key)
        done(key)
    return result


async def verify_objects(
    source: ObjectStorage, destination: ObjectStorage, keys: Iterable[str], done: Progress = lambda key: None
) -> VerifyResult:
    result = VerifyResult()
    for key in keys:
        facts = await _source_facts(source, key)
        if facts is None:
            done(key)
            continue  # deleted at the source meanwhile: nothing to match
        try:
            sha256, size = await stream_sha256(destination, key)
        except LookupError:
            result.mismatched[key] = "missing at the destination"
        except StorageIntegrityError as exc:
            result.mismatched[key] = str(exc)
        else:
            if (sha256, size) != (facts.sha256, facts.size):
                result.mismatched[key] = (
                    f"destination {sha256} ({size} B) != source {facts.sha256} ({facts.size} B)"
                )
            else:
                result.matching.append(key)
        done(key)
    return result

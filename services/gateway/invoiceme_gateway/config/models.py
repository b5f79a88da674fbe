"""The public configuration the frontend reads (never a secret)."""

from __future__ import annotations

from pydantic import BaseModel


class UploadLimits(BaseModel):
    max_file_mb: float
    max_files_per_batch: int
    accepted_types: list[str]


class PublicConfig(BaseModel):
    """What the frontend needs to know about this install. Never holds a secret."""

    uploads: UploadLimits
    features: dict[str, bool]
    llm_provider: str
    auth: dict[str, bool]

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "uploads": {
                        "max_file_mb": 25,
                        "max_files_per_batch": 20,
                        "accepted_types": ["application/pdf", "image/png", "image/jpeg"],
                    },
                    "features": {"businesses": True, "live_status": True, "llm": False},
                    "llm_provider": "rules",
                    "auth": {"password": True, "refresh_tokens": True, "supabase": False},
                }
            ]
        }
    }

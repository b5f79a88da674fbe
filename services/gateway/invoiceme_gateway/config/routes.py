from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from invoiceme_common.sniff import SUPPORTED
from invoiceme_gateway.deps import State

router = APIRouter(prefix="/api/config", tags=["config"])


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


@router.get(
    "", response_model=PublicConfig, summary="Upload limits, enabled features, LLM provider (no secrets)"
)
async def get_config(state: State) -> PublicConfig:
    settings = state.settings
    return PublicConfig(
        uploads=UploadLimits(
            max_file_mb=settings.max_upload_mb,
            max_files_per_batch=settings.max_batch_files,
            accepted_types=list(SUPPORTED),
        ),
        features={
            "businesses": True,
            "batch_upload": True,
            "live_status": True,
            "reextract": True,
            "page_preview": True,
            "duplicate_detection": True,
            "llm": settings.llm_provider != "rules",
        },
        llm_provider=settings.llm_provider,
        auth={"password": True, "refresh_tokens": True, "supabase": settings.supabase_enabled},
    )

"""What this install offers: upload limits, features, the LLM provider."""

from __future__ import annotations

from fastapi import APIRouter

from invoiceme_common.sniff import SUPPORTED
from invoiceme_gateway.config.models import PublicConfig, UploadLimits
from invoiceme_gateway.deps import State

router = APIRouter(prefix="/api/config", tags=["config"])


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

from invoiceme_common.settings import CommonSettings
from pydantic import Field


class OcrSettings(CommonSettings):
    ocr_languages: str = "heb+eng"
    ocr_workers: int = Field(default=2, ge=1, le=32)  # processes; one page each
    ocr_dpi: int = Field(default=300, ge=72, le=600)
    ocr_max_pages: int = Field(default=30, ge=1)
    ocr_max_file_mb: float = Field(default=25.0, gt=0)
    ocr_max_megapixels: float = Field(default=60.0, gt=0)  # per page; guards against decompression bombs
    ocr_page_timeout_seconds: float = Field(default=120.0, gt=0)

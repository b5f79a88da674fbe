from pydantic import Field

from invoiceme_common.settings import CommonSettings

from .engine import DEFAULT_MAX_FILE_MB, DEFAULT_WORKERS, OcrOptions


class OcrSettings(CommonSettings):
    ocr_languages: str = "heb+eng"
    ocr_workers: int = Field(default=DEFAULT_WORKERS, ge=1, le=32)  # processes; one page each
    ocr_dpi: int = Field(default=300, ge=72, le=600)
    ocr_max_pages: int = Field(default=30, ge=1)
    ocr_max_file_mb: float = Field(default=DEFAULT_MAX_FILE_MB, gt=0)
    ocr_page_timeout_seconds: float = Field(default=120.0, gt=0)
    # Tesseract page segmentation mode; 4 (one column of lines) keeps an invoice table row together.
    ocr_psm: int = Field(default=4, ge=0, le=13)

    @property
    def ocr_max_file_bytes(self) -> int:
        return int(self.ocr_max_file_mb * 2**20)

    def ocr_options(self, languages: str | None = None) -> OcrOptions:
        return OcrOptions(
            languages=languages or self.ocr_languages,
            dpi=self.ocr_dpi,
            max_pages=self.ocr_max_pages,
            max_megapixels=self.ocr_max_megapixels,
            page_timeout_seconds=self.ocr_page_timeout_seconds,
            page_segmentation_mode=self.ocr_psm,
        )

from pydantic import Field

from invoiceme_common.settings import CommonSettings

from .engine import DEFAULT_MAX_FILE_MB, DEFAULT_WORKERS, OcrOptions


def messages_in_flight(workers: int, configured: int = 0) -> int:
    """How many InvoiceUploaded messages the OCR service handles at once. One per worker left each
    worker idle while its message's original was fetched and its result stored, recorded and
    acknowledged (17-24 ms of the service's CPU per document plus its waits: about as long as a
    born-digital PDF's whole read); a second one per worker waits in the pool's queue meanwhile.
    More only holds messages that another replica could take."""
    return configured or 2 * workers


class OcrSettings(CommonSettings):
    ocr_languages: str = "heb+eng"
    ocr_workers: int = Field(default=DEFAULT_WORKERS, ge=1, le=32)  # processes; one page each
    ocr_dpi: int = Field(default=300, ge=72, le=600)
    ocr_max_pages: int = Field(default=30, ge=1)
    ocr_max_file_mb: float = Field(default=DEFAULT_MAX_FILE_MB, gt=0)
    ocr_page_timeout_seconds: float = Field(default=120.0, gt=0)
    # Tesseract page segmentation mode; 4 (one column of lines) keeps an invoice table row together.
    ocr_psm: int = Field(default=4, ge=0, le=13)
    # Read a till slip's page again at 0.7 x for the extractor to weigh (`second_reads`): on real
    # receipts 0.79 -> 0.82 of fields right, at the cost of a second read of each such page.
    ocr_second_read: bool = True
    # Messages one replica handles at once; 0 = two per OCR worker (see messages_in_flight).
    ocr_messages_in_flight: int = Field(default=0, ge=0, le=256)

    @property
    def ocr_in_flight(self) -> int:
        return messages_in_flight(self.ocr_workers, self.ocr_messages_in_flight)

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
            second_read=self.ocr_second_read,
        )

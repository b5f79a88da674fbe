"""OCR service: turns an uploaded original into text with per-page word boxes and confidences."""

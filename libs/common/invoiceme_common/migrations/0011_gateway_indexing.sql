-- extraction_version whose fields `search_text`/`ocr_text` were last indexed for (NULL = never).
ALTER TABLE invoices ADD COLUMN indexed_version integer;

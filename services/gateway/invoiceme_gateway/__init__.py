"""Gateway: the HTTP API and web frontend. Stores originals and publishes events; never OCRs."""

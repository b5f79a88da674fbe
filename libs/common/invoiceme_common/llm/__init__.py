"""The one LLM client: transport (HTTP and each provider's wire format), retries with backoff that
honour Retry-After, a client-side rate limiter, JSON-schema output, and a registry of providers.
Extraction (fields from invoice text) and insights (narratives) both use it."""

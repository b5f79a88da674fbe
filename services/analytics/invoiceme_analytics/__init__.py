"""Analytics service: per-tenant aggregates kept from invoice events, idempotently and rebuildably."""

"""The one normalization of email addresses: sign-up, log-in, Supabase linking and operator commands."""

from __future__ import annotations


def normalize_email(email: str) -> str:
    """Trimmed and lower-cased as a whole. The local part is case-sensitive in theory, but no mail
    provider treats it so, and two accounts differing only in case would be a take-over trap."""
    return email.strip().lower()

"""Request and response models of sign-up, log-in, tokens and the profile."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, EmailStr, Field, field_validator

from invoiceme_gateway.validation import check_currency, check_own_tax_id


class Credentials(BaseModel):
    email: EmailStr
    password: str = Field(min_length=8, max_length=256)

    model_config = {
        "json_schema_extra": {"examples": [{"email": "dana@example.co.il", "password": "s3cret-pass"}]}
    }


class Signup(Credentials):
    full_name: str = Field(default="", max_length=200)
    business_id: str | None = Field(default=None, description="Your own ע.מ./ח.פ. (9 digits, check digit)")
    base_currency: str = Field(default="ILS", description="ISO 4217; analytics are shown in it")

    @field_validator("business_id")
    @classmethod
    def _tax_id(cls, value: str | None) -> str | None:
        return check_own_tax_id(value)

    @field_validator("base_currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        return check_currency(value)

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "email": "dana@example.co.il",
                    "password": "s3cret-pass",
                    "full_name": "דנה כהן",
                    "business_id": "516179157",
                    "base_currency": "ILS",
                }
            ]
        }
    }


class RefreshIn(BaseModel):
    refresh_token: str = Field(min_length=16, max_length=200)


class LogoutIn(BaseModel):
    refresh_token: str | None = Field(default=None, description="Also end this refresh token's session")


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    refresh_token: str

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "access_token": "eyJhbGciOiJIUzI1NiIs...",
                    "token_type": "bearer",
                    "expires_in": 43200,
                    "refresh_token": "f3V0...opaque",
                }
            ]
        }
    }


class Me(BaseModel):
    id: uuid.UUID
    tenant_id: uuid.UUID
    email: EmailStr
    full_name: str
    business_id: str | None = Field(description="Your own ע.מ./ח.פ.")
    base_currency: str
    created_at: datetime

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": "8c1f2b7e-0d7a-4a8e-9c55-3f7b1d2e4a10",
                    "tenant_id": "b2d5e3c1-6f4a-4d2b-8e1f-9a0c7b6d5e43",
                    "email": "dana@example.co.il",
                    "full_name": "דנה כהן",
                    "business_id": "516179157",
                    "base_currency": "ILS",
                    "created_at": "2026-01-05T09:30:00Z",
                }
            ]
        }
    }


class MePatch(BaseModel):
    full_name: str | None = Field(default=None, max_length=200)
    business_id: str | None = Field(default=None, description="Your ע.מ./ח.פ.; empty string clears it")
    base_currency: str | None = None

    model_config = {"json_schema_extra": {"examples": [{"full_name": "דנה כהן", "base_currency": "USD"}]}}

    @field_validator("business_id")
    @classmethod
    def _tax_id(cls, value: str | None) -> str | None:
        return "" if value == "" else check_own_tax_id(value)

    @field_validator("base_currency")
    @classmethod
    def _currency(cls, value: str | None) -> str | None:
        return None if value is None else check_currency(value)

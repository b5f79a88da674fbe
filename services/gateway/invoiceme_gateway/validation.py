"""Validators shared by request models: ISO 4217 currency codes and the user's Israeli tax id."""

from __future__ import annotations

from invoiceme_common.vendor_matching import valid_tax_id

# Active ISO 4217 codes (2026).
ISO_4217 = frozenset(
    """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF
CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD
HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD
MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN
PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY
TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
""".split()
)


def check_currency(value: str) -> str:
    code = value.strip().upper()
    if code not in ISO_4217:
        raise ValueError(f"'{value}' is not an ISO 4217 currency code (e.g. ILS, USD, EUR)")
    return code


def check_own_tax_id(value: str | None) -> str | None:
    """The user's ע.מ./ח.פ. as 9 digits; ValueError with a reason a person understands."""
    if value is None or not value.strip():
        return None
    compact = valid_tax_id(value)
    if compact is None:
        raise ValueError(
            f"'{value}' is not a valid Israeli business number (ע.מ./ח.פ.: 9 digits with a check digit)"
        )
    return compact

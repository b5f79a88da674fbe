from typing import Literal

from invoiceme_common.settings import CommonSettings


class ExtractorSettings(CommonSettings):
    llm_provider: Literal["rules", "groq", "ollama", "auto"] = "rules"

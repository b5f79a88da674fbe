from typing import Literal

from pydantic import Field, SecretStr

from invoiceme_common.llm.clients import GroqConfig, OllamaConfig
from invoiceme_common.llm.registry import LlmConfig
from invoiceme_common.llm.retry import RetryPolicy
from invoiceme_common.settings import CommonSettings


class ExtractorSettings(CommonSettings):
    llm_provider: Literal["rules", "groq", "ollama", "auto"] = "rules"
    groq_api_key: SecretStr | None = None
    groq_model: str = "openai/gpt-oss-20b"
    groq_base_url: str = "https://api.groq.com/openai/v1"
    ollama_url: str | None = None
    ollama_model: str = "qwen2.5:7b-instruct"
    llm_timeout_seconds: float = Field(default=60.0, gt=0)
    llm_max_attempts: int = Field(default=4, ge=1, le=10)
    # Groq free tier: ~30 requests and 6K-12K tokens per minute per model.
    llm_requests_per_minute: int = Field(default=30, ge=1)
    llm_tokens_per_minute: int = Field(default=8000, ge=500)
    llm_max_input_tokens: int = Field(default=4000, ge=200)

    def llm_config(self) -> LlmConfig:
        key = self.groq_api_key
        groq = (
            GroqConfig(
                key, self.groq_model, self.groq_base_url, self.llm_timeout_seconds, self.llm_max_input_tokens
            )
            if key is not None and key.get_secret_value()
            else None
        )
        ollama = (
            OllamaConfig(self.ollama_url, self.ollama_model, self.llm_timeout_seconds)
            if self.ollama_url
            else None
        )
        return LlmConfig(
            provider=self.llm_provider,
            groq=groq,
            ollama=ollama,
            requests_per_minute=self.llm_requests_per_minute,
            tokens_per_minute=self.llm_tokens_per_minute,
            retry=RetryPolicy(attempts=self.llm_max_attempts),
        )

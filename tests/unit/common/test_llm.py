"""The shared LLM client's pure parts: rate limiting (blocking and not), backoff with Retry-After,
JSON repair, secrets kept out of reprs."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from invoiceme_common.llm.clients import GroqConfig
from invoiceme_common.llm.errors import InvalidModelOutput, ProviderError, RetryableError
from invoiceme_common.llm.jsonrepair import parse_model_json
from invoiceme_common.llm.ratelimit import RateLimiter
from invoiceme_common.llm.retry import RetryPolicy, parse_retry_after, with_retries


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


class TestRateLimiter:
    """Requests and tokens per rolling minute both hold a request back."""

    async def test_request_budget_waits_for_the_window(self) -> None:
        clock = FakeClock()
        limiter = RateLimiter(2, 1_000_000, clock=clock, sleep=clock.sleep)
        for _ in range(3):
            await limiter.acquire(10)
        assert clock.slept == [60.0]

    async def test_token_budget_waits_until_enough_tokens_expire(self) -> None:
        clock = FakeClock()
        limiter = RateLimiter(100, 1000, clock=clock, sleep=clock.sleep)
        await limiter.acquire(700)
        clock.now = 10
        await limiter.acquire(200)
        await limiter.acquire(300)  # 1200 > 1000: waits for the first (700) to leave the window
        assert clock.slept == [50.0]

    async def test_oversized_request_still_goes_alone(self) -> None:
        clock = FakeClock()
        limiter = RateLimiter(100, 1000, clock=clock, sleep=clock.sleep)
        assert await limiter.acquire(5000) == 0.0


class TestRetry:
    """Exponential backoff with jitter, never shorter than Retry-After; only retryable errors retry."""

    def test_backoff_doubles_and_is_capped(self) -> None:
        policy = RetryPolicy(attempts=5, base_delay=1, max_delay=5)
        assert [policy.delay(n, None, rand=lambda: 1.0) for n in (1, 2, 3, 4)] == [1, 2, 4, 5]
        assert policy.delay(1, None, rand=lambda: 0.0) == 0.5

    def test_retry_after_wins_when_longer(self) -> None:
        assert RetryPolicy().delay(1, 7.0, rand=lambda: 0.0) == 7.0
        assert parse_retry_after("12") == 12.0 and parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT") is None

    async def test_gives_up_after_attempts(self) -> None:
        calls, clock = [], FakeClock()

        async def failing() -> None:
            calls.append(1)
            raise RetryableError("busy", retry_after=2)

        with pytest.raises(ProviderError):
            await with_retries(failing, RetryPolicy(attempts=3), sleep=clock.sleep)
        assert len(calls) == 3 and len(clock.slept) == 2 and min(clock.slept) >= 2

    async def test_non_retryable_fails_at_once(self) -> None:
        calls = []

        async def refused() -> None:
            calls.append(1)
            raise ProviderError("401")

        with pytest.raises(ProviderError):
            await with_retries(refused, RetryPolicy(attempts=3))
        assert calls == [1]


class TestJsonRepair:
    @pytest.mark.parametrize(
        "content",
        [
            '{"total": 5}',
            'Sure! {"total": 5} hope it helps',
            '```json\n{"total": 5,}\n```',
            '{"total": 5,\n}',
        ],
    )
    def test_recovers_the_object(self, content: str) -> None:
        assert parse_model_json(content) == {"total": 5}

    @pytest.mark.parametrize("content", ["no json here", '{"total": ', "[1, 2]", '{"a": "}'])
    def test_refuses_what_cannot_be_repaired(self, content: str) -> None:
        with pytest.raises(InvalidModelOutput):
            parse_model_json(content)


class TestTryAcquire:
    """Callers that must not wait get a yes/no answer and nothing is recorded on a no."""

    def test_refuses_beyond_the_window_then_allows_again(self) -> None:
        clock = FakeClock()
        limiter = RateLimiter(2, 1_000_000, clock=clock)
        assert [limiter.try_acquire() for _ in range(3)] == [True, True, False]
        clock.now = 60.0
        assert limiter.try_acquire()


class TestSecrets:
    def test_the_api_key_never_shows_in_a_repr(self) -> None:
        config = GroqConfig(SecretStr("gsk_live_secret"))
        assert "gsk_live_secret" not in repr(config) and "gsk_live_secret" not in str(config)

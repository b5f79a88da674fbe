"""Keeps `invoiceme up`'s children running: any service, or the embedded NATS / Postgres, that dies
is started again after a backoff (1 s doubling to 30 s; back to 1 s once it has stayed up a minute),
and every exit and restart is logged. Pure decisions (`RestartPolicy`) are separate from the loop,
so tests drive them with a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RestartPolicy:
    first_delay: float = 1.0
    max_delay: float = 30.0
    stable_after: float = 60.0  # a child up this long has recovered: its next crash starts over

    def delay(self, restarts_in_a_row: int) -> float:
        return min(self.max_delay, self.first_delay * 2**restarts_in_a_row)


@dataclass
class Child:
    """Something the supervisor keeps running: `exit_code()` is None while it runs."""

    name: str
    exit_code: Callable[[], int | None]
    start: Callable[[], None]
    started_at: float = 0.0
    restarts_in_a_row: int = 0
    restart_due: float | None = None


@dataclass
class Supervisor:
    children: list[Child]
    log: Callable[[str], None]
    policy: RestartPolicy = field(default_factory=RestartPolicy)

    def watch_from(self, now: float) -> None:
        for child in self.children:
            child.started_at = now

    def tick(self, now: float) -> list[str]:
        """Notice exits and restart children whose backoff is over; returns the children restarted."""
        restarted: list[str] = []
        for child in self.children:
            if child.restart_due is None:
                code = child.exit_code()
                if code is None:
                    if now - child.started_at >= self.policy.stable_after:
                        child.restarts_in_a_row = 0
                    continue
                wait = self.policy.delay(child.restarts_in_a_row)
                child.restart_due = now + wait
                self.log(f"{child.name} exited (code {code}); restarting in {wait:g} s")
            if now >= child.restart_due:
                try:
                    child.start()
                except Exception as error:  # e.g. the port is still held: try again later
                    wait = self.policy.delay(child.restarts_in_a_row + 1)
                    child.restarts_in_a_row += 1
                    child.restart_due = now + wait
                    self.log(f"{child.name} could not start ({error}); retrying in {wait:g} s")
                    continue
                child.restart_due = None
                child.restarts_in_a_row += 1
                child.started_at = now
                restarted.append(child.name)
                self.log(f"{child.name} restarted (restart {child.restarts_in_a_row} in a row)")
        return restarted

"""`invoiceme up` restarts whatever dies, backing off while it keeps dying (fake clock, fake children)."""

from __future__ import annotations

from invoiceme_cli.supervisor import Child, RestartPolicy, Supervisor


class FakeChild:
    def __init__(self, name: str) -> None:
        self.name = name
        self.code: int | None = None
        self.starts = 0
        self.refuse_start = False

    def start(self) -> None:
        if self.refuse_start:
            raise OSError("address already in use")
        self.starts += 1
        self.code = None

    def child(self) -> Child:
        return Child(self.name, lambda: self.code, self.start)


def _supervisor(*fakes: FakeChild) -> tuple[Supervisor, list[str]]:
    lines: list[str] = []
    supervisor = Supervisor([fake.child() for fake in fakes], lines.append, RestartPolicy(1, 8, 60))
    supervisor.watch_from(0)
    return supervisor, lines


class TestSupervisor:
    """Each death is logged and followed by a restart after a growing, capped delay."""

    def test_a_dead_child_is_restarted_after_the_backoff(self):
        ocr, nats = FakeChild("ocr"), FakeChild("nats")
        supervisor, lines = _supervisor(ocr, nats)
        assert supervisor.tick(1) == []
        ocr.code = -9
        assert supervisor.tick(2) == []  # noticed; restart due at 3
        assert supervisor.tick(3) == ["ocr"] and ocr.starts == 1 and nats.starts == 0
        assert lines == ["ocr exited (code -9); restarting in 1 s", "ocr restarted (restart 1 in a row)"]

    def test_a_crash_loop_backs_off_up_to_the_cap(self):
        ocr = FakeChild("ocr")
        supervisor, _ = _supervisor(ocr)
        now, waits = 0.0, []
        for _ in range(6):
            ocr.code = 1
            supervisor.tick(now)
            due = supervisor.children[0].restart_due
            assert due is not None
            waits.append(due - now)
            now = due
            supervisor.tick(now)
        assert waits == [1, 2, 4, 8, 8, 8]

    def test_a_child_that_stayed_up_starts_over(self):
        ocr = FakeChild("ocr")
        supervisor, _ = _supervisor(ocr)
        for now in (0, 10):  # two quick deaths: the next wait would be 4 s
            ocr.code = 1
            supervisor.tick(now)
            supervisor.tick(now + 5)
        assert supervisor.children[0].restarts_in_a_row == 2
        supervisor.tick(15 + 60)  # up for a minute since its last start: recovered
        ocr.code = 1
        supervisor.tick(80)
        assert supervisor.children[0].restart_due == 81

    def test_a_start_that_fails_is_tried_again(self):
        nats = FakeChild("nats")
        supervisor, lines = _supervisor(nats)
        nats.code, nats.refuse_start = 1, True
        supervisor.tick(0)
        assert supervisor.tick(1) == []
        assert "could not start (address already in use)" in lines[-1]
        nats.refuse_start = False
        assert supervisor.tick(3) == ["nats"]

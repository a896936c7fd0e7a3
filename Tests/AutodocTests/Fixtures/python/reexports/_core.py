"""The engine."""


class BaseEngine:
    """What every engine can do."""

    def stop(self) -> None:
        """Stops the engine."""


class Engine(BaseEngine):
    """Runs jobs one after another."""

    def run(self, job: str, *, retries: int = 0) -> bool:
        """Runs one job; true when it succeeded."""
        return True


def start(engine: Engine) -> Engine:
    """Starts an engine and returns it."""
    return engine

"""Content errors: what is wrong in which file and line, and how to fix it."""


class ContentError(Exception):
    """A mistake in the handbook's sources that must stop the build.

    The message reads like a compiler's: ``path:line: problem`` and, on the
    next line, what to do about it.
    """

    def __init__(self, path: str, line: int | None, problem: str, fix: str):
        self.path = path
        self.line = line
        self.problem = problem
        self.fix = fix
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}\n  Fix: {fix}")

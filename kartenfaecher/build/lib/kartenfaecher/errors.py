"""Content errors: what is wrong in which file and line, and how to fix it."""

from kartenfaecher.lines import line_matching, line_of  # noqa: F401 - where an error stands, the engine's


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


def build_error(error: ContentError, offset: int = 0):
    """``error`` as MkDocs's build error (PluginError), which MkDocs prints without a traceback;
    ``offset`` lines are added to its line."""
    from mkdocs.exceptions import PluginError  # here: the sources read and check without MkDocs

    line = error.line + offset if error.line else None
    return PluginError(str(ContentError(error.path, line, error.problem, error.fix)))


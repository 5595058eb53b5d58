"""Builds that must fail: each breaks one thing and expects the file, the line, the problem and the fix."""

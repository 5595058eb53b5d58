"""Tests of the built site's files (one strict build per session, conftest.py `site`)."""

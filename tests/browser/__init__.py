"""Tests in Debian's Chromium, driven by Playwright: what a reader does with the built site."""

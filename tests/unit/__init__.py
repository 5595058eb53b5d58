"""Tests of sources and tools on their own: no build of the site."""

"""The project's commands (run as `python -m tools.NAME` from the project root, as the Makefile does).

common.py holds what they and the tests share; each other module is one command
with a ``main()``, the only place an error becomes an exit status.
"""

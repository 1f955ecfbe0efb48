"""Benchmarks for guestology: a workspace generator and a runner that times the CLI.

``python -m benchmarks.generate OUT ...`` writes a realistic, valid workspace;
``python -m benchmarks.run`` times whole commands against it (see README.md here).
"""

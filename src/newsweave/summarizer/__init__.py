"""The summarizer: one story's articles in, one cited extractive summary out.

Each stage is one module, named after what it does (see docs/architecture.md);
``pipeline.py`` runs them in order.
"""

"""Stage 1: load documents."""

from .loaders import SUFFIXES, iter_paths, load_documents, load_file

__all__ = ["SUFFIXES", "iter_paths", "load_documents", "load_file"]

"""Stage 1: load documents."""

from ..files import SUFFIXES, iter_paths
from .loaders import load_documents, load_file

__all__ = ["SUFFIXES", "iter_paths", "load_documents", "load_file"]

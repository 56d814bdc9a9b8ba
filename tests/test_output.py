"""Output files: written a piece at a time through a temp file, put in place whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.output import Output, write_atomic


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_pieces_are_put_in_place_on_commit_only(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    with Output(str(target)) as out:
        out.write_all([b"{", b'"a": 1', b"}\n"])
        assert target.read_text() == "old" and len(_leftovers(tmp_path)) == 1
        assert out.size() == 9 and b"".join(out.chunks()) == b'{"a": 1}\n'
        out.write(b"more")  # reading back leaves the file ready for more
        out.commit()
    assert target.read_bytes() == b'{"a": 1}\nmore' and _leftovers(tmp_path) == []


def test_an_output_not_committed_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), Output(str(target)) as out:
        out.write(b"half")
        raise RuntimeError("the run failed")
    assert target.read_text() == "old" and _leftovers(tmp_path) == []


def test_permissions_are_a_new_files_or_the_replaced_ones(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.txt"
    write_atomic(str(fresh), "x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # not the temp file's 0600
    fresh.chmod(0o640)
    write_atomic(str(fresh), "y")
    assert fresh.stat().st_mode & 0o777 == 0o640 and fresh.read_text() == "y"


def test_stdout_gets_the_whole_text_on_commit(capfd: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import output

    monkeypatch.setattr(output, "_IN_MEMORY", 10)  # past this, held in a temp file
    text = "caf\u00e9 " * 1000
    with Output(None) as out:
        out.write_all(output.encoded(text))
        assert capfd.readouterr().out == ""
        out.commit()
    assert capfd.readouterr().out == text


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="output folder"):
        Output(str(tmp_path / "nope" / "r.json"))


def test_a_text_stdout_gets_characters_whole_across_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from factcheck import output

    monkeypatch.setattr(output, "CHUNK", 3)  # "é" is two bytes: some pieces end inside one
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    with Output(None) as out:
        out.write("café crème".encode())
        out.commit()
    assert sys.stdout.getvalue() == "café crème"


def test_pieces_are_gathered_into_runs_of_about_a_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import output

    monkeypatch.setattr(output, "CHUNK", 10)
    taken: list[str] = []

    def pieces() -> object:
        for i in range(10):
            taken.append("abc")
            yield "abc" if i else "é"  # characters, not bytes, are counted
    chunks = output.encoded_pieces(pieces())  # type: ignore[arg-type]
    assert next(chunks) == "éabcabcabc".encode() and len(taken) == 4  # made as they are written, not all first
    assert list(chunks) == [b"abc" * 4, b"abc" * 2]
    assert list(output.encoded_pieces([])) == []


def _report_variants() -> list[object]:
    import factcheck
    from factcheck.models import Report

    report = factcheck.check(["seeds/"])
    statuses = report.model_copy(update={"notices": ["a notice"], "findings": [
        f.model_copy(update={"status": ("new", "known", "suppressed", None)[i % 4]})
        for i, f in enumerate(report.findings)]})
    return [report, statuses, Report(documents=[], claims=[], findings=[], rules=[], notices=[])]


@pytest.mark.parametrize("fmt", ["markdown", "github", "junit", "html"])
def test_formats_written_in_pieces_are_their_whole_text(fmt: str) -> None:
    import re
    from xml.etree import ElementTree as ET

    from factcheck.report import render, render_chunks

    for report in _report_variants():
        pieces = b"".join(render_chunks(report, fmt)).decode()  # type: ignore[arg-type]
        whole = render(report, fmt)  # type: ignore[arg-type]
        if fmt == "html":  # a page's nonce is its own
            pieces, whole = (re.sub(r"nonce(-|=\")[\w-]+", "N", t) for t in (pieces, whole))
        assert pieces == whole
        if fmt == "junit":  # each case laid out apart, as the whole tree laid out at once would be
            root = ET.fromstring(whole.split("\n", 1)[1])
            ET.indent(root)
            assert whole == '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from the project's own test files (tests/fixtures, data/,
data/samples, tests/bad) plus a few hand-made cases. Large files are cut to their first rows so
every seed stays small and fast; seeds are named seed-*, which libFuzzer never overwrites."""
import glob
import io
import os
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
MAX_LINES = 40


def head(data: bytes, lines: int = MAX_LINES) -> bytes:
    return b"\n".join(data.split(b"\n")[:lines]) + b"\n"


def put(target: str, name: str, data: bytes) -> None:
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + re.sub(r"[^A-Za-z0-9_.-]", "_", name)), "wb") as f:
        f.write(data)


def read(path: str) -> bytes:
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def cut_sheet(xml: bytes, rows: int = 12) -> bytes:
    """The worksheet XML up to its `rows`-th row, closed again."""
    ends = [m.end() for m in re.finditer(rb"</row>", xml)]
    if len(ends) <= rows:
        return xml
    return xml[: ends[rows - 1]] + b"</sheetData></worksheet>"


def workbook_parts(data: bytes):
    """`sheet \\0 shared strings` for each worksheet of a workbook (see fuzz_targets/workbook.rs)."""
    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    strings = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else b""
    for n in names:
        if n.startswith("xl/worksheets/") and n.endswith(".xml"):
            yield n, cut_sheet(z.read(n)) + b"\0" + strings


def main() -> None:
    texts = sorted(
        glob.glob(os.path.join(ROOT, "data", "*.csv"))
        + glob.glob(os.path.join(ROOT, "data", "samples", "*.csv"))
        + glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.csv"))
        + glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.tsv"))
        + glob.glob(os.path.join(ROOT, "tests", "bad", "*.csv"))
        + glob.glob(os.path.join(ROOT, "tests", "bad", "*.tsv"))
        + glob.glob(os.path.join(ROOT, "tests", "bad", "*.txt"))
    )
    for p in texts:
        data = head(read(p))
        put("csv", os.path.basename(p), data)
        put("render", os.path.basename(p), data)
    jsons = sorted(
        glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.json"))
        + glob.glob(os.path.join(ROOT, "tests", "bad", "*.json"))
    )
    for p in jsons:
        data = read(p)
        if len(data) > 4096:
            # Records one per line: keep the first ones and close the list.
            data = head(data, 12).rstrip().rstrip(b",") + b"\n]\n"
        put("json", os.path.basename(p), data)
        put("render", os.path.basename(p), data)
    for p in sorted(
        glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.xlsx"))
        + glob.glob(os.path.join(ROOT, "tests", "bad", "*.xlsx"))
    ):
        data = read(p)
        base = os.path.basename(p)
        if len(data) < 20000:
            put("xlsx", base, data)
        try:
            for n, parts in workbook_parts(data):
                put("xlsx", base + "-" + os.path.basename(n), parts)
                put("render", base + "-" + os.path.basename(n), b"\0" + parts)
        except (zipfile.BadZipFile, KeyError):
            pass
    # Hand-made cases the files above lack.
    put("csv", "quote.csv", b'regio;n\n"A;1\nB;2\n')
    put("csv", "utf16.csv", b"\xff\xfer\x00;\x00n\x00\n\x00A\x00;\x001\x00\n\x00")
    put("json", "odata.json", b'{"value":[{"a":1,"b":"x"},{"a":null,"b":"1,5"}]}')
    put("json", "tiny.json", b'[{"g":"a","v":0},{"g":"b","v":5e-324}]')
    put("render", "tiny.json", b'[{"g":"a","v":0},{"g":"b","v":5e-324}]')
    put(
        "xlsx",
        "inline.xml",
        b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>regio</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>n</t></is></c></row><row r="2"><c r="A2" t="s"><v>0</v></c>'
        b'<c r="B2"><v>1E3</v></c></row></sheetData></worksheet>\0<sst><si><t>A&amp;B</t></si></sst>',
    )
    specs = set()
    for p in glob.glob(os.path.join(ROOT, "docs", "*.md")) + glob.glob(os.path.join(ROOT, "tests", "*.rs")):
        with open(p, encoding="utf-8", errors="replace") as f:
            specs.update(re.findall(r"view=[a-z_]+[^'\"`\s)]*", f.read()))
    for i, s in enumerate(sorted(specs)):
        put("spec", "%03d" % i, s.encode())
    put("spec", "empty", b"")
    put("spec", "roles", b"roles=year%3Acategory&filter=year:2020&lang=en&k=1e308")
    n = sum(len(fs) for _, _, fs in os.walk(CORPUS))
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(CORPUS) for f in fs)
    print(f"fuzz/corpus: {n} files, {size // 1024} KB", file=sys.stderr)


if __name__ == "__main__":
    main()

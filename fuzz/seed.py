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


NEW_SHAPES = [
    (
        "odata.csv",
        "Id;Measure;ValueAttribute;Value;RegioS;Perioden;Doelgroep\n"
        "0;Personen in doelgroepregister;None;4099;AM09;2015JJ00;Totaal\n"
        "1;Werkzame personen;None;2332;AM09;2015JJ00;Totaal\n"
        "2;Personen in doelgroepregister;None;2142;AM09;2015JJ00;Wajong\n"
        "3;Werkzame personen;Confidential;0;AM09;2016JJ00;Wajong\n"
        "4;Werkzame personen;Impossible;;AM05;2016JJ00;Totaal\n"
        "5;Personen in doelgroepregister;None;5120;AM05;2016JJ00;Totaal\n",
    ),
    (
        "pivot.csv",
        "regio;jaar;maat;Totaal;Wajong;WSW;Participatiewet\n"
        "Achterhoek;2015;personen in doelgroepregister;4099;2142;1578;379\n"
        ";;werkzame personen;2332;724;1518;90\n"
        ";2016;personen in doelgroepregister;4297;2180;1540;577\n"
        ";;werkzame personen;2451;760;1480;211\n"
        "Twente;2015;personen in doelgroepregister;5000;2500;2000;500\n"
        ";;werkzame personen;3000;1000;1900;100\n",
    ),
    (
        "outline.csv",
        "arbeidsmarktregio;jaar;doelgroep;personen_doelgroepregister;werkzame_personen\n"
        "Achterhoek;2015;Totaal;4099;2332\n"
        ";;Wajong;2142;724\n"
        ";;WSW;1578;1518\n"
        ";2016;Totaal;4297;2451\n"
        ";;Wajong;2180;760\n"
        "Twente;2015;Totaal;5000;3000\n"
        ";;Wajong;2500;1000\n"
        "Landelijk;2015;Totaal;120000;70000\n",
    ),
    (
        "region-numbers.csv",
        "arbeidsmarktregio_nr;jaar;personen;werkzaam\n"
        + "".join("%d;2015;%d;%d\n" % (i, 100 * i, 50 * i) for i in range(1, 36))
        + "Landelijk;2015;63000;31500\n",
    ),
    (
        "halves.csv",
        "regio;periode;personen;werkzaam\n"
        "Achterhoek;2019H1;10;5\nAchterhoek;2019H2;12;6\nAchterhoek;H1 2020;13;7\n"
        "Twente;2019H1;20;9\nTwente;2019H2;22;10\nTwente;1e halfjaar 2020;23;11\n",
    ),
    (
        "compact.csv",
        "regio;periode;personen;werkzaam\n"
        "Achterhoek;201912;10;5\nAchterhoek;202012;12;6\nTwente;201912;20;9\nTwente;202012;21;9\n",
    ),
    (
        "compact-days.csv",
        "regio;peildatum;personen;werkzaam\n"
        "Achterhoek;20191231;10;5\nAchterhoek;20201231;12;6\nTwente;20191231;20;9\nTwente;20201231;21;9\n",
    ),
    (
        "provisional.csv",
        "regio;jaar;personen;werkzaam\n"
        "Achterhoek;2018;10;5\nAchterhoek;2019 (voorlopig);12;6\nAchterhoek;2020v;13;6\n"
        "Twente;2018;20;9\nTwente;2019 (voorlopig);21;9\nTwente;2020v;22;10\n",
    ),
    (
        "date-time.csv",
        "regio;peildatum;doelgroep;personen;werkzaam\n"
        "Achterhoek;31-12-2015 12:00;Totaal;4099;2332\nAchterhoek;31-12-2016 12:00;Totaal;4297;2451\n"
        "Twente;2015-12-31T08:30:00+01:00;Totaal;5000;3000\nTwente;2016-12-31 23:59:59;Totaal;5100;3100\n",
    ),
    (
        "repeated-header.csv",
        ";;Personen in doelgroepregister;;Werkzame personen;\n"
        "regio;jaar;Wajong;WSW;Wajong;WSW\n"
        "Achterhoek;2015;2142;1578;724;1518\n"
        "Achterhoek;2016;2180;1540;760;1480\n"
        ";;Personen in doelgroepregister;;Werkzame personen;\n"
        "regio;jaar;Wajong;WSW;Wajong;WSW\n"
        "Twente;2015;2500;2000;1000;1900\n"
        "Twente;2016;2600;2100;1100;2000\n",
    ),
    (
        "acronyms.csv",
        "regio;jaar;AantalWSWers;Wajongers;P-wetters\n"
        "Achterhoek;2015;1578;2142;379\nTwente;2015;2000;2500;500\n",
    ),
    (
        "month-first.csv",
        "regio,peildatum,personen,werkzaam\n"
        "Achterhoek,12/31/2015 11:59 PM,4099,2332\nTwente,3/31/2016,5000,2600\n"
        "Twente,\"Tuesday, December 31, 2019\",5100,2700\n",
    ),
    (
        "units.csv",
        "regio;jaar;Personen (x 1000);Werkzame personen (duizenden)\n"
        "Achterhoek;2015;4,099;2,332\nTwente;2015;..;:\nTwente;2016;x;-\n",
    ),
    (
        "years-over-blocks.csv",
        "regio;2015;;2016;\n;personen;werkzaam;personen;werkzaam\n"
        "Achterhoek;4099;2332;4200;2400\nTwente;5000;2600;5100;2700\n",
    ),
]

# JSON in the shapes pandas and spreadsheet APIs write (json/shapes.rs).
JSON_SHAPES = [
    ("lists.json", '[["regio","jaar","n"],["Twente",2015,12],["Achterhoek",2015,null]]'),
    ("split.json", '{"columns":["regio","n"],"index":["a","b"],"data":[["Twente",1],["Achterhoek",2]]}'),
    ("per-column.json", '{"regio":["Twente","Achterhoek"],"n":[1,2]}'),
    ("columns.json", '{"regio":{"0":"Twente","1":"Achterhoek"},"n":{"0":1}}'),
    ("index.json", '{"7":{"regio":"Twente","n":1},"9":{"regio":"Achterhoek"}}'),
]


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
    # A header over two rows (a group row above the names) with the group row repeated below,
    # in order and with rows out of order: both readings must agree (tests/xlsx_order.rs).
    def xrow(r, cells):
        out = '<row r="%d">' % r
        for j, c in enumerate(cells):
            if c:
                col = chr(ord("A") + j)
                if c.isdigit():
                    out += '<c r="%s%d"><v>%s</v></c>' % (col, r, c)
                else:
                    out += '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col, r, c)
        return out + "</row>"

    groups = ["", "", "Mannen", "", "Vrouwen", ""]
    names = ["regio", "jaar", "personen", "werkzaam", "personen", "werkzaam"]
    data = ["Noord", "2019", "10", "5", "12", "6"]
    for name, rows in [
        ("two-rows-repeated.xml", [(1, groups), (2, names), (3, groups), (4, data)]),
        ("two-rows-only-repeats.xml", [(1, groups), (2, names), (3, groups)]),
        ("out-of-order.xml", [(1, groups), (3, names), (2, groups), (4, data)]),
    ]:
        xml = "<worksheet><sheetData>%s</sheetData></worksheet>" % "".join(
            xrow(r, c) for r, c in rows
        )
        put("xlsx", name, xml.encode())
    # The layouts read by reshaping (melt.rs), region numbers, the newer period forms and a
    # two-row header repeated further down: small files in each shape.
    for name, text in NEW_SHAPES:
        put("csv", name, text.encode())
        put("render", name, text.encode())
    for name, text in NEW_SHAPES:
        put("spec", "period-" + name, text.split("\n", 1)[1].encode())
    for name, text in JSON_SHAPES:
        put("json", name, text.encode())
    specs = set()
    for p in glob.glob(os.path.join(ROOT, "docs", "*.md")) + glob.glob(os.path.join(ROOT, "tests", "*.rs")):
        with open(p, encoding="utf-8", errors="replace") as f:
            specs.update(re.findall(r"view=[a-z_]+[^'\"`\s)]*", f.read()))
    for i, s in enumerate(sorted(specs)):
        put("spec", "%03d" % i, s.encode())
    put("spec", "empty", b"")
    put("spec", "roles", b"roles=year%3Acategory&filter=year:2020&lang=en&k=1e308")
    # `filter=` values as the page's pickers write them (read as a whole by the spec target too).
    filters = [
        'subgroep:Wajong|Wsw,jaar:2019',
        'regio:!Landelijk|Onbekend,regio:A',
        '"gemeente, oud":"Bergen, NH"|"a|b: c"|"zeg ""ja"""',
        'gemeente:!"a|b: c",kwartaal:2019K1|2019K2',
        'x: ! "!niet" | " rand " |',
    ]
    for i, f in enumerate(filters):
        put("spec", "filter-%d" % i, f.encode())
    n = sum(len(fs) for _, _, fs in os.walk(CORPUS))
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(CORPUS) for f in fs)
    print(f"fuzz/corpus: {n} files, {size // 1024} KB", file=sys.stderr)


if __name__ == "__main__":
    main()

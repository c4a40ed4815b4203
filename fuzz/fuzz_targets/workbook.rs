//! Builds a workbook (a stored zip) around fuzzed XML, so the fuzzer reaches the worksheet,
//! shared-string and workbook readers instead of breaking the deflate stream.

/// `sheet \0 shared strings \0 workbook`: each part optional; a default workbook names one sheet.
pub fn from_parts(data: &[u8]) -> Vec<u8> {
    let mut parts = data.splitn(3, |&b| b == 0);
    let sheet = parts.next().unwrap_or_default();
    let strings = parts.next();
    let workbook = parts.next().unwrap_or(
        br#"<workbook xmlns:r="r"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    );
    let mut entries: Vec<(&str, &[u8])> = vec![
        (
            "_rels/.rels",
            br#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        ("xl/workbook.xml", workbook),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    if let Some(s) = strings {
        entries.push(("xl/sharedStrings.xml", s));
    }
    stored_zip(&entries)
}

/// A zip whose entries are stored (not compressed).
pub fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let le16 = |v: usize| (v as u16).to_le_bytes();
    let le32 = |v: usize| (v as u32).to_le_bytes();
    let mut z = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let local = z.len();
        z.extend_from_slice(b"PK\x03\x04");
        z.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&le32(data.len()));
        z.extend_from_slice(&le32(data.len()));
        z.extend_from_slice(&le16(name.len()));
        z.extend_from_slice(&le16(0));
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(data);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        central.extend_from_slice(&le32(data.len()));
        central.extend_from_slice(&le32(data.len()));
        central.extend_from_slice(&le16(name.len()));
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&le32(local));
        central.extend_from_slice(name.as_bytes());
    }
    let cd = z.len();
    z.extend_from_slice(&central);
    z.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    z.extend_from_slice(&le16(entries.len()));
    z.extend_from_slice(&le16(entries.len()));
    z.extend_from_slice(&le32(central.len()));
    z.extend_from_slice(&le32(cd));
    z.extend_from_slice(&[0, 0]);
    z
}

//! Texts and assembly of the basic measures table (table 7 of the report).

use super::texts::{self, pct, pp_unit, t};
use super::{source_line, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::basics;
use crate::data::regional::*;
use crate::data::DataTable;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::ViewSpec;

pub fn summary(d: &BasicsData, lang: Lang) -> String {
    let mut s = Vec::new();
    if let Some(m) = d.measure("workers_growth").filter(|m| m.available) {
        s.push(format!(
            "{}: {} {} (sd {} {})",
            m.label,
            t(lang, "landelijk", "national"),
            pct(m.national.unwrap_or(f64::NAN), lang),
            number(m.sd.unwrap_or(f64::NAN), 1, lang),
            pp_unit(lang)
        ));
    }
    // A measure's label inside the sentence: its first letter lower case, the rest as written
    // ("aandeel werkenden 2015 K4", "indicatie Werkkamer").
    let label = |k: &str| {
        d.measure(k)
            .map(|m| {
                let mut c = m.label.chars();
                match c.next() {
                    Some(f) => crate::case::lower_char(f) + c.as_str(),
                    None => String::new(),
                }
            })
            .unwrap_or_else(|| k.to_string())
    };
    // Correlations of workers growth with the other measures: the report's question.
    let mut with_growth: Vec<(String, f64, bool)> = d
        .correlations
        .iter()
        .filter_map(|c| {
            let other = if c.a == "workers_growth" {
                &c.b
            } else if c.b == "workers_growth" {
                &c.a
            } else {
                return None;
            };
            Some((label(other), c.r?, other.contains("vacancies")))
        })
        .collect();
    crate::sort::sort_by(&mut with_growth, |a, b| b.1.abs().total_cmp(&a.1.abs()));
    let related: Vec<String> = with_growth
        .iter()
        .filter(|(_, r, vac)| !vac && r.abs() >= 0.3)
        .map(|(l, r, _)| format!("{l} (r = {})", number(*r, 2, lang)))
        .collect();
    if !related.is_empty() {
        s.push(format!(
            "{} {}",
            t(
                lang,
                "de groei van werkenden hangt samen met",
                "the growth of working persons goes together with"
            ),
            texts::list_in(
                &related.iter().map(String::as_str).collect::<Vec<_>>(),
                lang
            )
        ));
    }
    let vac: Vec<&(String, f64, bool)> = with_growth.iter().filter(|c| c.2).collect();
    if !vac.is_empty() {
        let weak = vac.iter().all(|c| c.1.abs() < 0.2);
        let rs = vac
            .iter()
            .map(|c| number(c.1, 2, lang))
            .collect::<Vec<_>>()
            .join(t(lang, " en ", " and "));
        s.push(match lang {
            Lang::Nl => format!(
                "met de groei van vacatures {} (r = {rs})",
                if weak { "nauwelijks" } else { "wel" },
            ),
            Lang::En => format!(
                "{} with the growth of vacancies (r = {rs})",
                if weak { "hardly" } else { "also" },
            ),
        });
    }
    let na: Vec<String> = d
        .measures
        .iter()
        .filter(|m| !m.available)
        .map(|m| {
            format!(
                "{} {} ({})",
                m.label,
                t(lang, "niet beschikbaar", "not available"),
                m.reason.clone().unwrap_or_default()
            )
        })
        .collect();
    let mut out = s.join("; ");
    if !out.is_empty() {
        out = format!("{}{}.", crate::case::upper(&out[..1]), &out[1..]);
    }
    if !na.is_empty() {
        out.push_str(&format!(" {}.", na.join("; ")));
    }
    out.trim().to_string()
}

/// The table of the page and the CSV: value, difference and outlier class per measure, then
/// national and SD rows.
pub fn data_table(d: &BasicsData, lang: Lang) -> DataTable {
    let mut tb = texts::table(&[t(lang, "regio", "region")]);
    for m in &d.measures {
        tb.columns.push(format!("{} (%)", m.label));
        tb.columns.push(format!(
            "{}: {} ({})",
            m.label,
            t(lang, "verschil met landelijk", "difference from national"),
            pp_unit(lang)
        ));
        tb.columns
            .push(format!("{}: {}", m.label, texts::outlier_header(lang)));
    }
    let mut t = tb;
    let na = || serde_json::Value::from(texts::t(lang, "n.b.", "n/a"));
    for (i, r) in d.regions.iter().enumerate() {
        let mut row = vec![r.clone().into()];
        for m in &d.measures {
            if m.available {
                row.push(texts::cell(m.values.get(i).copied().flatten()));
                row.push(texts::cell(m.relative.get(i).copied().flatten()));
                row.push(texts::outlier_word(
                    m.outliers.get(i).copied().flatten(),
                    texts::Against::National,
                    lang,
                ));
            } else {
                row.extend([na(), na(), na()]);
            }
        }
        t.rows.push(row);
    }
    let mut nat = vec![texts::t(lang, "Landelijk", "National").into()];
    let mut sd = vec![texts::t(lang, "Standaardafwijking", "Standard deviation").into()];
    for m in &d.measures {
        if m.available {
            nat.extend([
                texts::cell(m.national),
                serde_json::Value::Null,
                serde_json::Value::Null,
            ]);
            sd.extend([
                serde_json::Value::Null,
                texts::cell(m.sd),
                serde_json::Value::Null,
            ]);
        } else {
            nat.extend([na(), na(), na()]);
            sd.extend([na(), na(), na()]);
        }
    }
    t.rows.push(nat);
    t.rows.push(sd);
    // The correlations between the measures (Pearson r over the regions with both values), as
    // the report's table has them: a row per measure, r in the value columns of the others.
    for m in d.measures.iter().filter(|m| m.available && m.correlate) {
        let mut c = m.label.chars();
        let label = c
            .next()
            .map(|f| crate::case::lower_char(f) + c.as_str())
            .unwrap_or_default();
        t.precise_rows.push(t.rows.len());
        let mut row = vec![format!("{} {label}", t_r(lang)).into()];
        for o in &d.measures {
            let r = d
                .correlations
                .iter()
                .find(|c| (c.a == m.key && c.b == o.key) || (c.b == m.key && c.a == o.key))
                .and_then(|c| c.r);
            row.extend([
                texts::cell(r),
                serde_json::Value::Null,
                serde_json::Value::Null,
            ]);
        }
        t.rows.push(row);
    }
    t
}

/// The label of a correlation row: "Correlatie (r) met ...".
fn t_r(lang: Lang) -> &'static str {
    texts::t(lang, "Correlatie (r) met", "Correlation (r) with")
}

pub fn render(
    ds: &Dataset,
    from: Option<crate::spec::Period>,
    to: Option<crate::spec::Period>,
    spec: &ViewSpec,
) -> Result<Rendered> {
    let lang = spec.lang;
    let d = ds.regional(lang)?;
    let mut data = basics::compute(d, from, to, lang)?;
    basics::classify_outliers(&mut data, spec.k);
    let title = format!(
        "{}, {}",
        t(lang, "Basisgegevens per regio", "Basic figures per region"),
        data.from.span(data.to, lang)
    );
    let subtitle = t(
        lang,
        "Regio's: verschil met landelijk in %-punt; landelijk en standaardafwijking onderaan",
        "Regions: difference from national in percentage points (pp); national and standard deviation at the bottom",
    )
    .to_string();
    let summary = summary(&data, lang);
    let source = source_line(ds, lang);
    let chart = chart::basics::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
            width: spec.width,
        },
        texts::resolve_highlight(ds, spec.highlight.as_deref()).as_deref(),
        lang,
    )?;
    let mut notes = texts::notes(ds, &[], lang);
    notes.extend(texts::seasons_note(data.from, data.to, lang));
    notes.extend(texts::highlight_note(ds, spec.highlight.as_deref(), lang));
    for m in data.measures.iter().filter(|m| !m.available) {
        notes.push(format!(
            "{} {}: {}.",
            m.label,
            t(lang, "niet beschikbaar", "not available"),
            m.reason.clone().unwrap_or_default()
        ));
    }
    if data
        .measures
        .iter()
        .any(|m| m.national_basis == "mean_of_regions")
    {
        notes.push(t(lang, "Banen t.o.v. indicatie: landelijk = ongewogen gemiddelde van de regio's; gemid. = gemiddelde van de jaren.", "Jobs against the indication: national = unweighted mean of the regions; mean = mean of the years.").into());
    }
    Ok(Rendered::assemble(
        "basics",
        spec.query_resolved(
            "basics",
            &[("from", data.from.to_string()), ("to", data.to.to_string())],
        ),
        Texts {
            title,
            subtitle,
            source,
            summary,
        },
        to_json(&data)?,
        data_table(&data, lang),
        chart,
        notes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_names_outlier_classes_in_words() {
        let ds = Dataset::default_data().unwrap();
        for (lang, word) in [("", "boven landelijk"), ("&lang=en", "above national")] {
            let r = crate::render::render_query(&ds, &format!("view=basics{lang}")).unwrap();
            let col = r
                .table
                .columns
                .iter()
                .position(|c| c.ends_with(texts::outlier_header(spec_lang(lang))))
                .unwrap();
            let food = r
                .table
                .rows
                .iter()
                .find(|row| row[0] == "Food Valley")
                .unwrap();
            // Growth of jobs 2015-2017 is not available: its outlier cell says so.
            assert_eq!(food[col], texts::t(spec_lang(lang), "n.b.", "n/a"));
            let growth = r
                .table
                .columns
                .iter()
                .position(|c| {
                    c.starts_with(texts::t(
                        spec_lang(lang),
                        "Groei werkenden",
                        "Growth of working",
                    )) && c.ends_with(texts::outlier_header(spec_lang(lang)))
                })
                .unwrap();
            // Food Valley's workers grew 37 %-points above national, more than 1 sd (12.9).
            assert_eq!(food[growth], word);
        }
    }

    fn spec_lang(q: &str) -> Lang {
        if q.contains("lang=en") {
            Lang::En
        } else {
            Lang::Nl
        }
    }
}

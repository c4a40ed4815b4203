//! Texts and assembly of the convergence table (table 8 of the report).

use super::texts::{self, group_suffix, pp};
use super::{common_query, source_line, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::convergence;
use crate::data::regional::*;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::{ConvergenceSpec, ViewSpec};

pub fn summary(d: &ConvergenceData, lang: Lang) -> String {
    let (Some(a), Some(b)) = (d.years.first(), d.years.last()) else {
        return String::new();
    };
    let what = format!("het aandeel werkenden{}", group_suffix(d.subgroup));
    match d.converging {
        Some(true) => format!(
            "De regio's groeien naar elkaar toe: de standaardafwijking van {what} daalt van {} %-punt in {} naar {} %-punt in {}.",
            number(a.sd, 1, lang), a.year, number(b.sd, 1, lang), b.year
        ),
        Some(false) => format!(
            "De regio's groeien niet naar elkaar toe: de standaardafwijking van {what} was {} %-punt in {} en {} %-punt in {}.",
            number(a.sd, 1, lang), a.year, number(b.sd, 1, lang), b.year
        ),
        None => format!(
            "Eén jaar ({}): standaardafwijking van {what} {} %-punt; hoogste {} ({}), laagste {} ({}).",
            a.year,
            number(a.sd, 1, lang),
            a.max_region,
            pp(a.max_relative, lang),
            a.min_region,
            pp(a.min_relative, lang)
        ),
    }
}

pub fn render(ds: &Dataset, s: &ConvergenceSpec, spec: &ViewSpec) -> Result<Rendered> {
    let d = ds.regional()?;
    let data = convergence::compute(d, s.subgroup)?;
    let lang = spec.lang;
    let title = format!(
        "Verschillen tussen regio's in het aandeel werkenden{}",
        group_suffix(data.subgroup)
    );
    let subtitle = "Per jaar: hoogste en laagste regio t.o.v. landelijk (%-punt) en de standaardafwijking (band: ± 1 sd)".to_string();
    let summary = summary(&data, lang);
    let source = source_line(ds);
    let chart = chart::convergence::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
        },
        lang,
    )?;
    let mut table = texts::table(&[
        "jaar",
        "aandeel werkenden landelijk (%)",
        "hoogste t.o.v. landelijk (%-punt)",
        "regio hoogste",
        "laagste t.o.v. landelijk (%-punt)",
        "regio laagste",
        "standaardafwijking (%-punt)",
        "aantal regio's",
    ]);
    for y in &data.years {
        table.rows.push(vec![
            serde_json::json!(y.year),
            y.national.into(),
            y.max_relative.into(),
            y.max_region.clone().into(),
            y.min_relative.into(),
            y.min_region.clone().into(),
            y.sd.into(),
            y.n.into(),
        ]);
    }
    let mut notes = texts::notes(ds, &data.excluded);
    notes.extend(
        data.skipped
            .iter()
            .map(|s| format!("Jaar overgeslagen: {s}")),
    );
    Ok(Rendered::assemble(
        "convergence",
        format!(
            "view=convergence&subgroup={}{}",
            data.subgroup.key(),
            common_query(spec)
        ),
        Texts {
            title,
            subtitle,
            source,
            summary,
        },
        to_json(&data)?,
        table,
        chart,
        notes,
    ))
}

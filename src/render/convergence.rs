//! Texts and assembly of the convergence table (table 8 of the report).

use super::grain_of;
use super::texts::{self, pp};
use super::{source_line, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::convergence;
use crate::data::regional::*;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::{ConvergenceSpec, Period, ViewSpec};

pub fn summary(d: &ConvergenceData, lang: Lang) -> String {
    let (Some(a), Some(b)) = d.compared() else {
        return String::new();
    };
    let suffix = d.subgroup.suffix_in(lang);
    match lang {
        Lang::Nl => {
            let what = format!("het aandeel werkenden{suffix}");
            match d.converging {
                Some(true) => format!(
                    "De regio's groeien naar elkaar toe: de standaardafwijking van {what} daalt van {} %-punt {} naar {} %-punt {}.",
                    number(a.sd, 1, lang), a.year.at_in(lang), number(b.sd, 1, lang), b.year.at_in(lang)
                ),
                Some(false) => format!(
                    "De regio's groeien niet naar elkaar toe: de standaardafwijking van {what} was {} %-punt {} en {} %-punt {}.",
                    number(a.sd, 1, lang), a.year.at_in(lang), number(b.sd, 1, lang), b.year.at_in(lang)
                ),
                None => format!(
                    "Eén jaar ({}): standaardafwijking van {what} {} %-punt; hoogste {} ({}), laagste {} ({}).",
                    a.year.label_in(lang),
                    number(a.sd, 1, lang),
                    a.max_region,
                    pp(a.max_relative, lang),
                    a.min_region,
                    pp(a.min_relative, lang)
                ),
            }
        }
        Lang::En => {
            let what = format!("the share working{suffix}");
            match d.converging {
                Some(true) => format!(
                    "The regions grow towards each other: the standard deviation of {what} falls from {} pp {} to {} pp {}.",
                    number(a.sd, 1, lang), a.year.at_in(lang), number(b.sd, 1, lang), b.year.at_in(lang)
                ),
                Some(false) => format!(
                    "The regions do not grow towards each other: the standard deviation of {what} was {} pp {} and {} pp {}.",
                    number(a.sd, 1, lang), a.year.at_in(lang), number(b.sd, 1, lang), b.year.at_in(lang)
                ),
                None => format!(
                    "One year ({}): standard deviation of {what} {} pp; highest {} ({}), lowest {} ({}).",
                    a.year.label_in(lang),
                    number(a.sd, 1, lang),
                    a.max_region,
                    pp(a.max_relative, lang),
                    a.min_region,
                    pp(a.min_relative, lang)
                ),
            }
        }
    }
}

pub fn render(ds: &Dataset, s: &ConvergenceSpec, spec: &ViewSpec) -> Result<Rendered> {
    let lang = spec.lang;
    let d = ds.regional(lang)?;
    let data = convergence::compute(d, s, lang)?;
    let suffix = data.subgroup.suffix_in(lang);
    let title = match lang {
        Lang::Nl => format!("Verschillen tussen regio's in het aandeel werkenden{suffix}"),
        Lang::En => format!("Differences between regions in the share working{suffix}"),
    };
    let per = crate::data::tidy::capitalise(grain_of(&d.years).per(lang));
    let subtitle = match lang {
        Lang::Nl => format!("{per}: hoogste en laagste regio t.o.v. landelijk (%-punt) en de standaardafwijking (band: ± 1 sd)"),
        Lang::En => format!("{per}: highest and lowest region vs. national (pp) and the standard deviation (band: ± 1 sd)"),
    };
    let summary = summary(&data, lang);
    let source = source_line(ds, lang);
    let chart = chart::convergence::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
            width: spec.width,
        },
        lang,
    )?;
    let grain = grain_of(&d.years);
    let mut table = texts::table(&match lang {
        Lang::Nl => [
            grain.noun(lang),
            "aandeel werkenden landelijk (%)",
            "hoogste t.o.v. landelijk (%-punt)",
            "regio hoogste",
            "laagste t.o.v. landelijk (%-punt)",
            "regio laagste",
            "standaardafwijking (%-punt)",
            "aantal regio's",
        ],
        Lang::En => [
            grain.noun(lang),
            "share working national (%)",
            "highest vs. national (pp)",
            "region highest",
            "lowest vs. national (pp)",
            "region lowest",
            "standard deviation (pp)",
            "number of regions",
        ],
    });
    for y in &data.years {
        table.rows.push(vec![
            // Years as numbers (as ever); other periods as they are written.
            if grain == crate::spec::period::Grain::Year {
                serde_json::json!(y.year)
            } else {
                serde_json::json!(y.year.label_in(lang))
            },
            y.national.into(),
            y.max_relative.into(),
            y.max_region.clone().into(),
            y.min_relative.into(),
            y.min_region.clone().into(),
            y.sd.into(),
            y.n.into(),
        ]);
    }
    let mut notes = texts::notes(ds, &data.excluded, lang);
    notes.extend(data.skipped.iter().map(|s| match lang {
        Lang::Nl => format!(
            "{} overgeslagen: {s}",
            crate::data::tidy::capitalise(grain.noun(lang))
        ),
        Lang::En => format!(
            "{} skipped: {s}",
            crate::data::tidy::capitalise(grain.noun(lang))
        ),
    }));
    let periods: Vec<Period> = data.years.iter().map(|r| r.year).collect();
    let mut resolved = vec![("subgroup", data.subgroup.key().to_string())];
    resolved.extend(super::period_bounds(s.from, s.to, &periods));
    Ok(Rendered::assemble(
        "convergence",
        spec.query_resolved("convergence", &resolved),
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

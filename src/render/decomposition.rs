//! Texts and assembly of the decomposition of Participatiewet growth (figure 5).

use super::texts::{self, pct};
use super::{common_query, source_line, to_json, Dataset, Rendered, Texts};
use crate::chart;
use crate::compute::decomposition;
use crate::data::regional::*;
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::ViewSpec;

pub fn summary(d: &DecompositionData, lang: Lang) -> String {
    let (Some(top), Some(bottom)) = (d.bars.first(), d.bars.last()) else {
        return String::new();
    };
    let mut s = format!(
        "Landelijk kwam {} van de groei van het aantal werkenden in de Participatiewet {}-{} ({}) via de Praktijkroute; het meest in {} ({}), het minst in {} ({}).",
        pct(d.national, lang),
        d.from,
        d.to,
        pct(d.national_growth, lang),
        top.region,
        pct(top.value, lang),
        bottom.region,
        pct(bottom.value, lang),
    );
    let ups: Vec<&str> = d
        .bars
        .iter()
        .filter(|b| b.outlier.is_some_and(|o| o.is_up()))
        .map(|b| b.region.as_str())
        .collect();
    if !ups.is_empty() {
        s.push_str(&format!(
            " Meer dan {} sd boven landelijk: {}.",
            texts::k_text(d.k, lang),
            texts::list(&ups)
        ));
    }
    s
}

pub fn render(
    ds: &Dataset,
    from: Option<crate::spec::Period>,
    to: Option<crate::spec::Period>,
    spec: &ViewSpec,
) -> Result<Rendered> {
    let d = ds.regional()?;
    let data = decomposition::compute(d, from, to, spec.k)?;
    let lang = spec.lang;
    let title = format!(
        "Opbouw van de groei van werkenden in de Participatiewet {}-{}",
        data.from, data.to
    );
    let subtitle = format!(
        "Groei in % via de Praktijkroute en via overige routes; gerangschikt naar het aandeel Praktijkroute in de groei (landelijk {}, sd {} %-punt)",
        pct(data.national, lang),
        number(data.sd, 1, lang)
    );
    let summary = summary(&data, lang);
    let source = source_line(ds);
    let chart = chart::decomposition::draw(
        &data,
        &chart::Texts {
            title: &title,
            subtitle: &subtitle,
            source: &source,
            description: &summary,
        },
        texts::resolve_highlight(ds, spec.highlight.as_deref()).as_deref(),
        lang,
    )?;
    let mut notes = texts::notes(ds, &data.excluded);
    notes.extend(texts::highlight_note(ds, spec.highlight.as_deref()));
    if data.praktijkroute_from_zero {
        notes.push(format!(
            "Werkzame personen Praktijkroute in {} als 0 genomen: de route bestaat sinds 1 januari 2017.",
            data.from
        ));
    }
    let mut table = crate::render::ranking::bars_table(&data.bars, true);
    if let Some(c) = table.columns.get_mut(1) {
        *c = "aandeel Praktijkroute in de groei (%)".into();
    }
    Ok(Rendered::assemble(
        "decomposition",
        format!(
            "view=decomposition&subgroup=participatiewet&from={}&to={}{}",
            data.from,
            data.to,
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

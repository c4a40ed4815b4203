//! Texts and assembly of the decomposition of Participatiewet growth (figure 5).

use super::texts::{self, pct, t};
use super::{source_line, to_json, Dataset, Rendered, Texts};
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
    let mut s = match lang {
        Lang::Nl => format!(
            "Landelijk kwam {} van de groei van het aantal werkenden in de Participatiewet {} ({}) via de Praktijkroute; het meest in {} ({}), het minst in {} ({}).",
            pct(d.national, lang),
            d.from.span(d.to, lang),
            pct(d.national_growth, lang),
            top.region,
            pct(top.value, lang),
            bottom.region,
            pct(bottom.value, lang),
        ),
        Lang::En => format!(
            "Nationally {} of the growth of working persons in the Participatiewet {} ({}) came via the Praktijkroute; most in {} ({}), least in {} ({}).",
            pct(d.national, lang),
            d.from.span(d.to, lang),
            pct(d.national_growth, lang),
            top.region,
            pct(top.value, lang),
            bottom.region,
            pct(bottom.value, lang),
        ),
    };
    // Both sides, as the chart and the table mark them.
    s.push_str(&super::ranking::outliers_sentence(&d.bars, d.k, lang));
    s
}

pub fn render(
    ds: &Dataset,
    from: Option<crate::spec::Period>,
    to: Option<crate::spec::Period>,
    spec: &ViewSpec,
) -> Result<Rendered> {
    let lang = spec.lang;
    let d = ds.regional(lang)?;
    let data = decomposition::compute(d, from, to, spec.k, lang)?;
    let title = match lang {
        Lang::Nl => format!(
            "Opbouw van de groei van werkenden in de Participatiewet {}",
            data.from.span(data.to, lang)
        ),
        Lang::En => format!(
            "Make-up of the growth of working persons in the Participatiewet {}",
            data.from.span(data.to, lang)
        ),
    };
    let subtitle = match lang {
        Lang::Nl => format!(
            "Groei in % via de Praktijkroute en via overige routes; gerangschikt naar het aandeel Praktijkroute in de groei (landelijk {}, sd {} %-punt)",
            pct(data.national, lang),
            number(data.sd, 1, lang)
        ),
        Lang::En => format!(
            "Growth in % via the Praktijkroute and via other routes; ranked by the Praktijkroute's share of the growth (national {}, sd {} pp)",
            pct(data.national, lang),
            number(data.sd, 1, lang)
        ),
    };
    let summary = summary(&data, lang);
    let source = source_line(ds, lang);
    let chart = chart::decomposition::draw(
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
    let mut notes = texts::notes(ds, &data.excluded, lang);
    notes.extend(texts::highlight_note(ds, spec.highlight.as_deref(), lang));
    if data.praktijkroute_from_zero {
        notes.push(match lang {
            Lang::Nl => format!(
                "Werkzame personen Praktijkroute in {} als 0 genomen: de route bestaat sinds 1 januari 2017.",
                data.from.label_in(lang)
            ),
            Lang::En => format!(
                "Working persons Praktijkroute in {} taken as 0: the route exists since 1 January 2017.",
                data.from.label_in(lang)
            ),
        });
    }
    let table = crate::render::ranking::bars_table(
        &data.bars,
        t(
            lang,
            "aandeel Praktijkroute in de groei",
            "share of the Praktijkroute in the growth",
        ),
        true,
        lang,
    );
    Ok(Rendered::assemble(
        "decomposition",
        spec.query_resolved(
            "decomposition",
            &[("from", data.from.to_string()), ("to", data.to.to_string())],
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

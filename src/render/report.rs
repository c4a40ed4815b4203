//! The report: every figure and table of the regional analysis (DOMAIN.md lists eight) for the
//! loaded file, in the report's order, each with its Dutch reading. A section the file cannot
//! support says why instead of failing the whole report.

use super::{render, source_line, to_json, DataTable, Dataset, Rendered, ViewSpec};
use crate::chart::Hit;
use crate::error::Result;
use crate::format::{t, Lang};
use crate::spec::Subgroup;
use crate::spec::{
    BasicsSpec, ConvergenceSpec, DecompositionSpec, RankMeasure, RankingSpec, ReportSpec,
    TrendMeasure, TrendSpec,
};
use crate::spec::{ScatterSpec, ScatterX, View};
use serde::Serialize;

/// One figure or table of the report.
#[derive(Debug, Clone)]
pub struct Section {
    /// "Figuur 1a", "Tabel 7".
    pub label: String,
    /// The view description that draws this section on its own.
    pub spec: String,
    /// What the section shows when it is not available.
    pub heading: String,
    pub rendered: std::result::Result<Rendered, String>,
}

/// A section as it appears in the report's JSON: everything but the drawing.
#[derive(Debug, Clone, Serialize)]
pub struct SectionData<'a> {
    pub label: &'a str,
    pub spec: &'a str,
    pub available: bool,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<&'a DataTable>,
    pub notes: &'a [String],
}

impl Section {
    pub fn data(&self) -> SectionData<'_> {
        match &self.rendered {
            Ok(r) => SectionData {
                label: &self.label,
                spec: &self.spec,
                available: true,
                title: &r.title,
                reason: None,
                subtitle: Some(&r.subtitle),
                summary: Some(&r.summary),
                data: Some(&r.data),
                table: Some(&r.table),
                notes: &r.notes,
            },
            Err(reason) => SectionData {
                label: &self.label,
                spec: &self.spec,
                available: false,
                title: &self.heading,
                reason: Some(reason),
                subtitle: None,
                summary: None,
                data: None,
                table: None,
                notes: &[],
            },
        }
    }
    pub fn title(&self) -> &str {
        match &self.rendered {
            Ok(r) => &r.title,
            Err(_) => &self.heading,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Report {
    pub title: String,
    pub from: crate::spec::Period,
    pub to: crate::spec::Period,
    pub file: String,
    pub sections: Vec<Section>,
    /// A boundary edition the map section waits for (in the browser, until the page hands it
    /// over with `Explorer.set_boundaries`).
    pub needs_boundaries: Option<i32>,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    view: &'static str,
    title: &'a str,
    from: crate::spec::Period,
    to: crate::spec::Period,
    sections: Vec<SectionData<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    needs_boundaries: Option<i32>,
}

/// "Figuur 1a" / "Figure 1a".
fn figure(lang: Lang, n: &str) -> String {
    format!("{} {n}", t(lang, "Figuur", "Figure"))
}

/// "Tabel 7" / "Table 7".
fn table_label(lang: Lang, n: &str) -> String {
    format!("{} {n}", t(lang, "Tabel", "Table"))
}

/// The sections in the report's order: label, heading, view.
fn plan(
    from: crate::spec::Period,
    to: crate::spec::Period,
    lang: Lang,
) -> Vec<(String, String, View)> {
    let span = from.span(to, lang);
    let from_l = from.label_in(lang);
    let scatter = |g: Subgroup, x: ScatterX| {
        View::Scatter(ScatterSpec {
            subgroup: g,
            from: Some(from),
            to: Some(to),
            x,
        })
    };
    let ranking = |g: Subgroup| {
        View::Ranking(RankingSpec {
            measure: RankMeasure::Growth,
            subgroup: g,
            from: Some(from),
            to: Some(to),
            year: None,
            scale: crate::spec::ValueScale::Relative,
        })
    };
    let share_growth = match lang {
        Lang::Nl => format!("Aandeel werkenden {from_l} en groei {span}"),
        Lang::En => format!("Share working {from_l} and growth {span}"),
    };
    let mut p = vec![(
        figure(lang, "1a"),
        share_growth.clone(),
        scatter(Subgroup::Total, ScatterX::Share),
    )];
    for (l, g) in [
        ("1b", Subgroup::Wajong),
        ("1c", Subgroup::Wsw),
        ("1d", Subgroup::Participatiewet),
    ] {
        p.push((
            figure(lang, l),
            format!("{share_growth}, {}", g.label_in(lang)),
            scatter(g, ScatterX::Share),
        ));
    }
    p.push((
        figure(lang, "2"),
        match lang {
            Lang::Nl => format!("Aandeel WSW in het register {from_l} en groei {span}"),
            Lang::En => format!("Share of WSW in the register {from_l} and growth {span}"),
        },
        scatter(Subgroup::Wsw, ScatterX::RegisterShare),
    ));
    for (l, g) in [
        ("3a", Subgroup::Wajong),
        ("3b", Subgroup::Wsw),
        ("3c", Subgroup::Participatiewet),
    ] {
        p.push((
            figure(lang, l),
            match lang {
                Lang::Nl => format!("Groei werkenden ({}) {span} per regio", g.label()),
                Lang::En => format!(
                    "Growth of working persons ({}) {span} per region",
                    g.label_in(lang)
                ),
            },
            ranking(g),
        ));
    }
    p.push((
        figure(lang, "4"),
        t(
            lang,
            "Aandeel Praktijkroute in het register Participatiewet per regio",
            "Share of the Praktijkroute in the Participatiewet register per region",
        )
        .into(),
        View::Ranking(RankingSpec {
            measure: RankMeasure::RegisterShare,
            subgroup: Subgroup::Praktijkroute,
            from: None,
            to: None,
            year: None,
            scale: crate::spec::ValueScale::Relative,
        }),
    ));
    p.push((
        figure(lang, "5"),
        t(
            lang,
            "Opbouw van de groei van werkenden in de Participatiewet",
            "Make-up of the growth of working persons in the Participatiewet",
        )
        .into(),
        View::Decomposition(DecompositionSpec {
            from: None,
            to: Some(to),
        }),
    ));
    p.push((
        figure(lang, "6"),
        t(
            lang,
            "Werkzame personen per deelgroep",
            "Working persons per subgroup",
        )
        .into(),
        View::Trend(TrendSpec {
            measure: TrendMeasure::Workers,
            from: Some(from),
            to: Some(to),
        }),
    ));
    p.push((
        table_label(lang, "7"),
        format!(
            "{}, {span}",
            t(lang, "Basisgegevens per regio", "Basic figures per region")
        ),
        View::Basics(BasicsSpec {
            from: Some(from),
            to: Some(to),
        }),
    ));
    p.push((
        table_label(lang, "8"),
        t(
            lang,
            "Verschillen tussen regio's in het aandeel werkenden",
            "Differences between regions in the share working",
        )
        .into(),
        View::Convergence(ConvergenceSpec {
            subgroup: Subgroup::Total,
            from: Some(from),
            to: Some(to),
        }),
    ));
    p.push((
        t(lang, "Kaart", "Map").into(),
        match lang {
            Lang::Nl => format!("Groei werkenden {span} per arbeidsmarktregio (kaart)"),
            Lang::En => format!("Growth of working persons {span} per labour-market region (map)"),
        },
        View::Map(crate::spec::MapSpec {
            measure: crate::spec::MapMeasure::Rank(RankMeasure::Growth),
            subgroup: Subgroup::Total,
            from: Some(from),
            to: Some(to),
            year: None,
            x: ScatterX::Share,
            scale: crate::spec::ValueScale::Relative,
            edition: None,
        }),
    ));
    p
}

pub fn build(ds: &Dataset, s: &ReportSpec, spec: &ViewSpec) -> Result<Report> {
    let lang = spec.lang;
    let d = ds.regional(lang)?;
    let (from, to) = match crate::compute::scatter::years(d, s.from, s.to, lang) {
        Ok(p) => p,
        // A file of one period: the sections that need a growth say so (each in its place);
        // the shares, the trend and the differences between regions are drawn.
        Err(_) if d.years.len() == 1 && s.from.is_none() && s.to.is_none() => {
            (d.years[0], d.years[0])
        }
        Err(e) => return Err(e),
    };
    let span = from.span(to, lang);
    let mut sections = Vec::new();
    let mut needs_boundaries = None;
    for (label, heading, view) in plan(from, to, lang) {
        // The trend's small multiples would crowd a printed report; the region stays marked elsewhere.
        let highlight = match view {
            View::Trend(_) => None,
            _ => spec.highlight.clone(),
        };
        let sub = ViewSpec {
            view: Some(view),
            k: spec.k,
            highlight,
            lang: spec.lang,
            embed: false,
            width: spec.width,
            roles: Vec::new(),
        };
        let rendered = render(ds, &sub).map_err(|e| {
            needs_boundaries = needs_boundaries.or(e.edition());
            e.message
        });
        let spec_text = match &rendered {
            Ok(r) => r.spec.clone(),
            Err(_) => String::new(),
        };
        sections.push(Section {
            label,
            spec: spec_text,
            heading,
            rendered,
        });
    }
    Ok(Report {
        title: match lang {
            Lang::Nl => format!("Regionale analyse banenafspraak {span}"),
            Lang::En => {
                format!("Regional analysis of the jobs agreement (banenafspraak) {span}")
            }
        },
        from,
        to,
        file: ds.table.source.clone(),
        sections,
        needs_boundaries,
    })
}

/// The report's charts stacked in one SVG (nested `<svg>` elements), ids made unique per section.
pub fn combined_svg(r: &Report) -> (String, u32, u32, Vec<Hit>) {
    let width = r
        .sections
        .iter()
        .filter_map(|s| s.rendered.as_ref().ok())
        .map(|x| x.width)
        .max()
        .unwrap_or(820);
    let mut body = String::new();
    let mut hits = Vec::new();
    let mut y = 0u32;
    for (i, s) in r.sections.iter().enumerate() {
        let Ok(x) = &s.rendered else { continue };
        let svg = unique_ids(&x.svg, i);
        let svg = match svg.find("<svg") {
            Some(p) => format!("{}<svg x=\"0\" y=\"{y}\"{}", &svg[..p], &svg[p + 4..]),
            None => continue,
        };
        body.push_str(&svg);
        hits.extend(x.hits.iter().map(|h| Hit {
            y: h.y + y as f64,
            ..h.clone()
        }));
        y += x.height + 24;
    }
    let height = y.saturating_sub(24).max(1);
    let svg = format!(
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"document\">{body}</svg>"
    );
    (svg, width, height, hits)
}

/// Makes the accessible-name ids of one chart unique within a page that shows several.
pub fn unique_ids(svg: &str, i: usize) -> String {
    svg.replace("bv-title", &format!("bv-title-{i}"))
        .replace("bv-desc", &format!("bv-desc-{i}"))
}

pub fn render_report(ds: &Dataset, s: &ReportSpec, spec: &ViewSpec) -> Result<Rendered> {
    render_built(ds, &build(ds, s, spec)?, spec)
}

/// The report as one rendered view, from its sections already drawn (the page shows the same
/// sections one by one without drawing them again).
pub fn render_built(ds: &Dataset, r: &Report, spec: &ViewSpec) -> Result<Rendered> {
    let lang = spec.lang;
    let available = r.sections.iter().filter(|s| s.rendered.is_ok()).count();
    let subtitle = match lang {
        Lang::Nl => format!(
            "{}: {available} van {} figuren en tabellen",
            r.file,
            r.sections.len()
        ),
        Lang::En => format!(
            "{}: {available} of {} figures and tables",
            r.file,
            r.sections.len()
        ),
    };
    // The reading of the report: the flagship figure and the convergence table.
    let (flagship, convergence) = (figure(lang, "1a"), table_label(lang, "8"));
    let summary = r
        .sections
        .iter()
        .filter(|s| s.label == flagship || s.label == convergence)
        .filter_map(|s| s.rendered.as_ref().ok().map(|x| x.summary.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    let mut table = super::texts::table(&match lang {
        Lang::Nl => ["figuur of tabel", "titel", "lezing"],
        Lang::En => ["figure or table", "title", "reading"],
    });
    let unavailable = t(lang, "niet beschikbaar", "not available");
    let mut notes = Vec::new();
    for s in &r.sections {
        match &s.rendered {
            Ok(x) => table.rows.push(vec![
                s.label.clone().into(),
                x.title.clone().into(),
                x.summary.clone().into(),
            ]),
            Err(reason) => {
                table.rows.push(vec![
                    s.label.clone().into(),
                    s.heading.clone().into(),
                    format!("{unavailable}: {reason}").into(),
                ]);
                notes.push(format!(
                    "{} ({}) {unavailable}: {reason}",
                    s.label, s.heading
                ));
            }
        }
    }
    let data = to_json(&ReportJson {
        view: "report",
        title: &r.title,
        from: r.from,
        to: r.to,
        sections: r.sections.iter().map(Section::data).collect(),
        needs_boundaries: r.needs_boundaries,
    })?;
    let (svg, width, height, hits) = combined_svg(r);
    Ok(Rendered {
        spec: spec.query_resolved(
            "report",
            &[("from", r.from.to_string()), ("to", r.to.to_string())],
        ),
        view: "report".into(),
        title: r.title.clone(),
        subtitle,
        source: source_line(ds, lang),
        summary,
        data,
        table,
        svg,
        width,
        height,
        hits: crate::chart::in_reading_order(hits),
        notes,
        changes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Period;

    #[test]
    fn report_has_every_section_in_order_with_readings() {
        let ds = Dataset::default_data().unwrap();
        let spec = ViewSpec::parse("view=report").unwrap();
        let r = build(
            &ds,
            &ReportSpec {
                from: None,
                to: None,
            },
            &spec,
        )
        .unwrap();
        let labels: Vec<&str> = r.sections.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Figuur 1a",
                "Figuur 1b",
                "Figuur 1c",
                "Figuur 1d",
                "Figuur 2",
                "Figuur 3a",
                "Figuur 3b",
                "Figuur 3c",
                "Figuur 4",
                "Figuur 5",
                "Figuur 6",
                "Tabel 7",
                "Tabel 8",
                "Kaart"
            ]
        );
        for s in &r.sections {
            let x = s
                .rendered
                .as_ref()
                .unwrap_or_else(|e| panic!("{}: {e}", s.label));
            assert!(!x.summary.is_empty(), "{}", s.label);
            assert!(!x.hits.is_empty(), "{}", s.label);
            assert!(!x.table.rows.is_empty(), "{}", s.label);
            assert!(
                x.svg.starts_with("<svg") && x.svg.contains("<title"),
                "{}",
                s.label
            );
            assert!(x.svg.contains("Bron: regionale analyse"), "{}", s.label);
        }
        let first = r.sections[0].rendered.as_ref().unwrap();
        assert!(
            first.summary.starts_with(
                "Hoe lager het aandeel werkenden in 2015, hoe sterker de groei: R² 0,3083"
            ),
            "{}",
            first.summary
        );
    }

    #[test]
    fn a_later_start_leaves_the_earlier_years_out_of_the_trend_and_table_8() {
        let ds = Dataset::default_data().unwrap();
        let spec = ViewSpec::parse("view=report&from=2016&to=2017").unwrap();
        let s = ReportSpec {
            from: Some(Period::year(2016)),
            to: Some(Period::year(2017)),
        };
        let r = build(&ds, &s, &spec).unwrap();
        for label in ["Figuur 6", "Tabel 8"] {
            let x = r.sections.iter().find(|s| s.label == label).unwrap();
            assert!(x.spec.contains("from=2016"), "{label}: {}", x.spec);
            let x = x.rendered.as_ref().unwrap();
            let cells = serde_json::to_string(&x.table).unwrap();
            assert!(!cells.contains("2015"), "{label}: {cells}");
            assert!(cells.contains("2016"), "{label}: {cells}");
            assert!(!x.svg.contains(">2015<"), "{label}");
            assert!(!x.summary.contains("2015"), "{label}: {}", x.summary);
        }
    }

    #[test]
    fn missing_columns_make_sections_unavailable_not_the_report() {
        let csv = "region,year,register_persons_corrected,workers_total\nA,2015,100,40\nB,2015,100,50\nC,2015,100,45\nA,2016,100,50\nB,2016,100,52\nC,2016,100,60\n";
        let ds = Dataset::load("klein.csv", csv.as_bytes()).unwrap();
        let spec = ViewSpec::parse("view=report").unwrap();
        let r = render_report(
            &ds,
            &ReportSpec {
                from: None,
                to: None,
            },
            &spec,
        )
        .unwrap();
        let sections = r.data["sections"].as_array().unwrap();
        assert_eq!(sections.len(), 14);
        assert_eq!(sections[0]["available"], true);
        let wajong = &sections[1];
        assert_eq!(wajong["available"], false);
        assert!(
            wajong["reason"].as_str().unwrap().contains("Wajong"),
            "{wajong}"
        );
        assert!(r.notes.iter().any(|n| n.contains("Figuur 1b")));
        // One SVG with a nested chart per available section and unique ids.
        assert!(r.svg.starts_with("<svg"));
        assert!(r.svg.contains("bv-title-0") && !r.svg.contains("\"bv-title\""));
    }
}

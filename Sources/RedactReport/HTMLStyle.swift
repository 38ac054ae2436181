/// The HTML pack's stylesheet, inlined into every page (no external fetch).
///
/// Screen: a centred column of white sections on a light grey page; charts and their tables
/// side by side when there is room. Print (A4 portrait): white page, each major section on a new
/// page, figures and table rows never split, colours kept (`print-color-adjust: exact`), and
/// tables under their charts so nothing is squeezed.
enum HTMLStyle {
    static let css = """
    :root { --ink:#0b0c0c; --muted:#505a5f; --line:#cbd0d3; --panel:#f3f2f1; --blue:#1d70b8; --navy:#0b2f4f;
            --red:#b3261e; --green:#00703c; --amber:#f47738; --hl:#fff4c2; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; background: #e9ecef; color: var(--ink);
           font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    .masthead { background: var(--navy); color: #fff; padding: 28px 0 22px; border-bottom: 6px solid var(--blue); }
    .wrap { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
    .kicker { margin: 0 0 4px; font-size: 14px; letter-spacing: .06em; text-transform: uppercase; color: #c8d9ea; }
    .masthead h1 { margin: 0; font-size: 34px; line-height: 1.15; }
    .masthead .period { margin: 6px 0 14px; font-size: 19px; color: #e8eef4; }
    .meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; font-size: 13px; color: #c8d9ea; }
    .meta div { display: flex; gap: 6px; }
    .meta dt { font-weight: 700; color: #fff; }
    .meta dd { margin: 0; }
    main { padding-bottom: 40px; }
    section { background: #fff; margin: 20px 0 0; padding: 22px 26px 26px; border: 1px solid #d6dadd; border-radius: 6px; }
    h2 { margin: 0 0 4px; font-size: 23px; color: var(--navy); }
    h2 + .lede { margin-top: 2px; }
    h3 { font-size: 17px; margin: 22px 0 6px; color: var(--navy); }
    .lede { color: var(--muted); margin: 0 0 14px; max-width: 80ch; }
    .notice { background: var(--hl); border-left: 6px solid var(--amber); padding: 12px 16px; margin: 0 0 16px; font-weight: 600; }
    .notes { margin: 0 0 14px; padding-left: 20px; color: var(--muted); font-size: 14px; }
    .tiles { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 6px 0 18px; padding: 0; list-style: none; }
    .tile { border: 1px solid #d6dadd; border-top: 5px solid var(--blue); border-radius: 4px; padding: 12px 14px 10px; background: #fbfbfb; }
    .tile.warn { border-top-color: var(--red); }
    .tile h3 { margin: 0; font-size: 13px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
    .tile .value { margin: 4px 0 6px; font-size: 32px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
    .tile p { margin: 2px 0; font-size: 13px; }
    .delta.better { color: var(--green); }
    .delta.worse { color: var(--red); }
    .delta.neutral, .delta.none { color: var(--muted); }
    .nat { color: var(--muted); border-top: 1px solid #e3e5e6; padding-top: 4px; margin-top: 6px !important; }
    figure.chart { margin: 18px 0 8px; }
    figcaption { margin: 0 0 8px; max-width: 90ch; }
    .fig-title { display: block; font-weight: 700; font-size: 16px; color: var(--navy); }
    .fig-desc { color: var(--muted); font-size: 14px; }
    .pair { display: grid; grid-template-columns: minmax(0, 1fr); gap: 10px; }
    .plot { max-width: 780px; }
    .plot svg { width: 100%; height: auto; display: block; font-family: inherit; }
    .plot h4 { margin: 0 0 2px; font-size: 14px; color: var(--muted); }
    .duo { display: grid; grid-template-columns: 1fr 1fr; gap: 26px; margin-bottom: 12px; }
    .duo .plot { max-width: none; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 700; font-size: 13px; padding: 0 0 6px; color: var(--muted); }
    th, td { padding: 4px 10px; border-bottom: 1px solid #e3e5e6; text-align: left; vertical-align: top; }
    thead th { background: var(--panel); border-bottom: 2px solid var(--line); font-weight: 700; }
    tbody th { font-weight: 400; min-width: 12em; }
    .num { text-align: right; white-space: nowrap; }
    tr.highlight th, tr.highlight td { background: var(--hl); font-weight: 700; }
    tr.total th, tr.total td { border-top: 2px solid var(--line); font-weight: 700; }
    .empty { color: var(--muted); font-style: italic; margin: 8px 0 14px; }
    dl.defs { display: grid; grid-template-columns: 14em 1fr; gap: 6px 18px; margin: 10px 0 0; font-size: 14px; }
    dl.defs dt { font-weight: 700; }
    dl.defs dd { margin: 0; }
    code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
    footer { color: var(--muted); font-size: 12px; margin: 18px 0 0; }
    @media (max-width: 980px) {
      .pair, .duo { grid-template-columns: 1fr; }
      .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
    }
    @page { size: A4 portrait; margin: 12mm 11mm 13mm; }
    @media print {
      body { background: #fff; font-size: 9.5pt; }
      .wrap { max-width: none; padding: 0; }
      .masthead { padding: 0 0 10px; margin-bottom: 4mm; }
      .masthead .wrap { padding: 4mm 5mm 0; }
      section { border: 0; border-radius: 0; padding: 0; margin: 0 0 5mm; }
      section.page { break-before: page; }
      h2 { font-size: 16pt; }
      .tiles { grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 3mm; }
      .tile .value { font-size: 20pt; }
      .pair { grid-template-columns: 1fr; gap: 3mm; }
      .duo { grid-template-columns: 1fr 1fr; gap: 5mm; }
      figure.chart, .tile, tr, .notice { break-inside: avoid; }
      figcaption, h2, h3, caption { break-after: avoid; }
      .plot svg { max-height: 120mm; }
      table { font-size: 8.5pt; }
      .table-wrap { overflow: visible; }
    }
    """
}

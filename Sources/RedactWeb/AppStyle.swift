/// The stylesheet of every page, served at `/static/app.css` (no inline style: the CSP forbids it).
///
/// Colours meet WCAG AA (text ≥ 4.5:1): highlight backgrounds are light tints under near-black
/// text, and every highlight also carries its category in words (a `::before` label taken from
/// `data-label`, which is not part of the selectable text). `prefers-contrast: more` strengthens
/// borders and drops the tints; `forced-colors: active` (Windows high contrast) uses system colours
/// and keeps outlines so highlights stay visible.
public enum AppStyle {
    public static let css = """
    :root { --ink:#0b0c0c; --muted:#484949; --line:#b1b4b6; --panel:#f3f2f1; --blue:#1d70b8; --navy:#0b2f4f;
            --focus:#ffdd00; --red:#b3261e; --green:#00703c; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #f8f8f8; color: var(--ink);
           font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
    .skip { position: absolute; left: -9999px; top: 0; background: var(--focus); color: var(--ink); padding: 8px 12px; z-index: 10; }
    .skip:focus { left: 8px; top: 8px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    a { color: #1a4f8b; }
    a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, [tabindex]:focus {
      outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--ink); }
    .top { background: var(--navy); color: #fff; border-bottom: 5px solid var(--blue); }
    .top .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding-top: 10px; padding-bottom: 10px; }
    .brand { font-weight: 700; font-size: 20px; margin: 0; }
    .top nav ul { display: flex; gap: 16px; list-style: none; margin: 0; padding: 0; }
    .top a { color: #fff; }
    .top a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
    .signout { margin-left: auto; display: flex; gap: 10px; align-items: center; }
    .who { font-size: 14px; color: #e8eef4; }
    .wrap { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
    .wrap.narrow { max-width: 760px; }
    .wrap.wide { max-width: 1500px; }
    main { padding: 18px 0 48px; }
    h1 { font-size: 30px; margin: 12px 0 12px; }
    h2 { font-size: 22px; margin: 0 0 10px; }
    h3 { font-size: 17px; margin: 0 0 6px; }
    .card, section.finish, .doc-pane, .findings-pane { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 16px 20px; }
    fieldset { border: 1px solid var(--line); margin: 0 0 16px; padding: 8px 16px 4px; }
    legend { font-weight: 700; padding: 0 6px; }
    .field { margin: 0 0 14px; display: flex; flex-direction: column; gap: 4px; }
    label { font-weight: 600; }
    .hint { color: var(--muted); font-size: 14px; }
    input[type=text], input[type=password], input:not([type]), select, textarea { font: inherit; padding: 6px 8px; border: 2px solid var(--ink); border-radius: 0; background: #fff; color: var(--ink); max-width: 100%; }
    textarea { width: 100%; }
    button, .button { font: inherit; font-weight: 600; padding: 7px 14px; border: 2px solid var(--ink); background: #fff; color: var(--ink);
             border-radius: 3px; cursor: pointer; text-decoration: none; display: inline-block; }
    button.primary, .button.primary { background: var(--green); border-color: #004e2a; color: #fff; }
    .error-summary { border: 4px solid var(--red); padding: 10px 16px; margin: 0 0 16px; background: #fff; }
    .notice { background: #eaf3fb; border-left: 6px solid var(--blue); padding: 10px 14px; }
    .notice.warn { background: #fff4c2; border-left-color: #a35300; }
    .status-code { color: var(--muted); }
    dl.facts { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0 0 14px; }
    dl.facts div { display: flex; gap: 6px; }
    dl.facts dt { font-weight: 700; }
    dl.facts dd { margin: 0; }
    .review-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 18px; align-items: start; }
    @media (max-width: 1000px) { .review-grid { grid-template-columns: 1fr; } }
    .doc { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.9 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
           border: 1px solid var(--line); padding: 12px 14px; max-height: 70vh; overflow: auto; background: #fff; }
    .legend ul { display: flex; flex-wrap: wrap; gap: 6px 16px; list-style: none; padding: 0; margin: 0 0 6px; font-size: 14px; }
    .swatch { display: inline-block; width: 14px; height: 14px; margin-right: 6px; border: 1px solid var(--ink); vertical-align: -2px; }
    mark.f { color: var(--ink); padding: 1px 0; border-radius: 2px; outline: 2px solid var(--ink); }
    mark.f::before { content: attr(data-label); font: 600 11px/1 system-ui, Arial, sans-serif; background: var(--ink); color: #fff;
                     padding: 1px 4px; margin-right: 3px; border-radius: 2px; vertical-align: 2px; user-select: none; }
    mark.s-keep { outline-style: dashed; }
    mark.s-rejected { outline-style: dotted; text-decoration: line-through; background: transparent !important; }
    .c0 { background: #ffd6a5; } .c1 { background: #caffbf; } .c2 { background: #a0d8ff; } .c3 { background: #ffc6ff; }
    .c4 { background: #fdffb6; } .c5 { background: #d0c4ff; } .c6 { background: #ffadad; } .c7 { background: #b5f2e6; }
    .badge { color: var(--ink); padding: 1px 6px; border: 1px solid var(--ink); border-radius: 3px; font-size: 14px; }
    ol.findings { list-style: none; margin: 0; padding: 0; max-height: 75vh; overflow: auto; }
    li.item { border-bottom: 1px solid var(--line); padding: 10px 2px; }
    li.item.s-rejected h3 .badge { text-decoration: line-through; }
    table.findings-table { border-collapse: collapse; width: 100%; margin-bottom: 16px; }
    table.findings-table th, table.findings-table td { border-bottom: 1px solid var(--line); padding: 6px; text-align: left; vertical-align: top; }
    tr.item.s-rejected .badge { text-decoration: line-through; }
    .pending { font-size: 13px; font-weight: 600; color: #8a3c00; }
    dl.why { margin: 4px 0 8px; font-size: 14px; }
    dl.why div { display: flex; gap: 6px; }
    dl.why dt { font-weight: 700; min-width: 5.5em; }
    dl.why dd { margin: 0; }
    .actions { display: flex; gap: 8px; flex-wrap: wrap; margin: 0 0 6px; }
    details.keep summary { cursor: pointer; font-weight: 600; color: #1a4f8b; }
    details.keep form { margin-top: 8px; }
    .manual { margin-top: 14px; }
    section.finish { margin-top: 18px; }
    ul.downloads { display: flex; flex-wrap: wrap; gap: 10px; list-style: none; padding: 0; }
    .empty { color: var(--muted); font-style: italic; }
    table.list { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; }
    table.list th, table.list td { border-bottom: 1px solid var(--line); text-align: left; padding: 6px 8px; vertical-align: top; }
    table.list thead th { background: var(--panel); }
    .switcher { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; margin: 0 0 12px; }
    .switcher .field { margin: 0; }
    .pack-frame { margin-top: 12px; }
    code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .92em; }
    @media (prefers-contrast: more) {
      :root { --muted: #0b0c0c; --line: #0b0c0c; }
      mark.f { background: #fff !important; outline-width: 3px; text-decoration: underline; }
      .badge { background: #fff !important; }
    }
    @media (forced-colors: active) {
      mark.f { outline: 3px solid Highlight; forced-color-adjust: none; background: Canvas; color: CanvasText; }
      mark.f::before { background: Highlight; color: HighlightText; }
      mark.s-keep { outline-style: dashed; }
      mark.s-rejected { outline-style: dotted; }
      .swatch, .badge { forced-color-adjust: none; border-color: CanvasText; }
      a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, [tabindex]:focus { outline: 3px solid Highlight; }
    }
    @media print { .top, .manual, .actions, details.keep, section.finish form { display: none; } .doc { max-height: none; } }
    """
}

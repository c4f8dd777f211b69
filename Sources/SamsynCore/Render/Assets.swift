/// The site's one stylesheet and one script. The script only enhances:
/// every table is complete and every chart visible without it.
enum Assets {
    /// The accent colour as a tiny stylesheet of its own (inline styles are
    /// forbidden by the pages' Content-Security-Policy).
    static func accentCSS(_ hex: String) -> String {
        ":root { --accent: \(hex); }\n"
    }

    static let css = """
    /* Samsyn — calm, official, readable. WCAG 2.1 AA: text ≥ 4.5:1, graphics ≥ 3:1. */
    :root {
      --accent: #1f5c99;
      --ink: #1b1b1b;
      --muted: #4a4a4a;
      --line: #767676;
      --faint: #d9d9d9;
      --paper: #ffffff;
      --tint: #f3f5f7;
      --good: #1d6b2f;
      --bad: #a4262c;
      --series-0: #1f5c99;
      --series-1: #b34700;
      --series-2: #1d6b2f;
      --series-3: #6b3fa0;
      --series-4: #8a6d00;
      --series-5: #a4262c;
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { font-size: 100%; -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; color: var(--ink); background: var(--paper);
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      line-height: 1.5;
    }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a:hover { text-decoration-thickness: 2px; }
    :focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 5px #ffd54f; }
    .skip-link { position: absolute; left: 0.5rem; top: -3rem; background: var(--paper); padding: 0.5rem 1rem; z-index: 10; }
    .skip-link:focus { top: 0.5rem; }
    .site-header { border-top: 6px solid var(--accent); border-bottom: 1px solid var(--faint); padding: 0.75rem 1rem 0; }
    .site-title { font-size: 1.25rem; font-weight: 700; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; }
    .site-title a { color: var(--ink); text-decoration: none; }
    .site-title a:hover { text-decoration: underline; }
    .logo { height: 2.5rem; width: auto; }
    .reference { font-size: 0.9rem; font-weight: 400; color: var(--muted); }
    .site-nav ul { list-style: none; margin: 0.5rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 0.25rem; }
    .site-nav a { display: inline-block; padding: 0.4rem 0.6rem; text-decoration: none; border-bottom: 3px solid transparent; }
    .site-nav a:hover { border-bottom-color: var(--faint); }
    .site-nav a[aria-current="page"] { color: var(--ink); font-weight: 700; border-bottom-color: var(--accent); }
    main { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem; }
    main:focus { outline: none; }
    h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0; }
    /* Long Swedish compounds ("Samverkansöverenskommelser") must wrap at 320 px. */
    h1, h2, h3, figcaption { overflow-wrap: anywhere; hyphens: auto; }
    h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--faint); padding-bottom: 0.25rem; }
    h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
    .meta, .breadcrumb { color: var(--muted); font-size: 0.95rem; margin: 0.25rem 0; }
    .lead { font-size: 1.1rem; max-width: 48rem; }
    p, li, dd { max-width: 48rem; overflow-wrap: anywhere; }
    .note { border-left: 4px solid var(--accent); background: var(--tint); padding: 0.5rem 0.75rem; }
    ul.plain, ul.attention, ul.links { padding-left: 1.25rem; }
    ul.attention li { margin: 0.35rem 0; }
    .tag { display: inline-block; font-size: 0.8rem; font-weight: 700; padding: 0 0.4rem; border: 1px solid currentColor; border-radius: 3px; }
    .tag-behind { color: var(--bad); }
    .tag-met { color: var(--good); }
    .tag-info { color: var(--muted); }
    dl.facts { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
    dl.facts div { display: contents; }
    dl.facts dt { font-weight: 700; }
    dl.facts dd { margin: 0; }
    .table-wrap { overflow-x: auto; margin: 1rem 0; max-width: 100%; }
    .table-wrap:focus { outline: 3px solid var(--ink); }
    table { border-collapse: collapse; font-size: 0.95rem; min-width: 50%; }
    /* The caption stays in view while a wide table scrolls sideways. */
    caption { text-align: left; font-weight: 700; padding: 0.25rem 0; caption-side: top; position: sticky; left: 0; max-width: calc(100vw - 2rem); }
    th[scope="row"] { min-width: 9rem; }
    th, td { border-bottom: 1px solid var(--faint); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--line); white-space: nowrap; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .status-met { color: var(--good); font-weight: 700; }
    .status-behind { color: var(--bad); font-weight: 700; }
    .status-on-track { color: var(--ink); font-weight: 700; }
    .symbol { display: inline-block; min-width: 1em; }
    .cell-gap { color: var(--bad); font-weight: 700; }
    .cell-covered { color: var(--good); }
    .cell-none { color: var(--muted); }
    .heat-1 { background: #f4e1e1; } .heat-2 { background: #f8ecd9; } .heat-3 { background: #f2f2f2; }
    .heat-4 { background: #dcebdc; } .heat-5 { background: #c7e0c9; }
    th button { font: inherit; font-weight: 700; color: var(--accent); background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
    th button::after { content: " ↕"; color: var(--muted); }
    th[aria-sort="ascending"] button::after { content: " ▲"; }
    th[aria-sort="descending"] button::after { content: " ▼"; }
    .filter { margin: 0.5rem 0; }
    .filter label { display: block; font-weight: 700; }
    .filter input { font: inherit; padding: 0.3rem 0.5rem; border: 2px solid var(--line); border-radius: 3px; max-width: 100%; width: 20rem; }
    .filter-status { color: var(--muted); font-size: 0.9rem; }
    figure.chart { margin: 1.5rem 0; padding: 0; max-width: 48rem; break-inside: avoid; }
    figcaption { margin-bottom: 0.5rem; }
    /* A chart keeps a minimum width so its labels stay readable on a phone; the
       chart alone scrolls sideways (two-dimensional content, WCAG 1.4.10). */
    .chart-scroll { overflow-x: auto; max-width: 100%; }
    .chart-svg { display: block; width: 100%; height: auto; min-width: 34rem; }
    .chart-svg.radar { max-width: 38rem; min-width: 28rem; }
    .chart-svg text { font-size: 14px; fill: var(--ink); font-family: inherit; }
    .chart-svg .tick { fill: var(--muted); }
    .chart-svg .grid { stroke: var(--faint); stroke-width: 1; }
    .chart-svg .axis { stroke: var(--line); stroke-width: 1.5; }
    .chart-svg .series polyline { fill: none; stroke-width: 2.5; }
    .chart-svg .series-0 polyline { stroke: var(--series-0); } .chart-svg .series-0 circle, .chart-svg .series-0 rect, .chart-svg .series-0 polygon { fill: var(--series-0); }
    .chart-svg .series-1 polyline { stroke: var(--series-1); stroke-dasharray: 7 4; } .chart-svg .series-1 circle, .chart-svg .series-1 rect, .chart-svg .series-1 polygon { fill: var(--series-1); }
    .chart-svg .series-2 polyline { stroke: var(--series-2); stroke-dasharray: 2 3; } .chart-svg .series-2 circle, .chart-svg .series-2 rect, .chart-svg .series-2 polygon { fill: var(--series-2); }
    .chart-svg .series-3 polyline { stroke: var(--series-3); } .chart-svg .series-3 circle, .chart-svg .series-3 rect, .chart-svg .series-3 polygon { fill: var(--series-3); }
    .chart-svg .series-4 polyline { stroke: var(--series-4); stroke-dasharray: 7 4; } .chart-svg .series-4 circle, .chart-svg .series-4 rect, .chart-svg .series-4 polygon { fill: var(--series-4); }
    .chart-svg .series-5 polyline { stroke: var(--series-5); stroke-dasharray: 2 3; } .chart-svg .series-5 circle, .chart-svg .series-5 rect, .chart-svg .series-5 polygon { fill: var(--series-5); }
    .chart-svg .series-label { font-weight: 700; }
    .chart-svg .bar { fill: var(--series-0); }
    .chart-svg .bar-met { fill: var(--good); }
    .chart-svg .target { stroke: var(--ink); stroke-width: 3; }
    .chart-svg .value { fill: var(--ink); }
    .chart-svg .ring { fill: none; stroke: var(--faint); }
    .chart-svg .outline { fill: none; stroke-width: 2.5; }
    .chart-svg .outline-first { stroke: var(--series-1); stroke-dasharray: 6 4; }
    .chart-svg .outline-latest { stroke: var(--series-0); }
    .chart-svg line.legend { stroke-width: 3; }
    .chart-svg .span { fill: var(--line); }
    .chart-svg .span-in-force { fill: var(--series-0); }
    .chart-svg .as-of { stroke: var(--bad); stroke-width: 2; stroke-dasharray: 4 3; }
    details.chart-data summary { cursor: pointer; color: var(--accent); }
    .site-footer { border-top: 1px solid var(--faint); color: var(--muted); padding: 1rem; margin-top: 2rem; font-size: 0.9rem; }
    .site-footer p { max-width: 72rem; margin: 0.25rem auto; }
    @media (max-width: 40rem) {
      h1 { font-size: 1.6rem; }
      dl.facts { grid-template-columns: 1fr; }
      dl.facts dd { margin-bottom: 0.5rem; }
      main { padding: 0.75rem; }
    }
    @media print {
      @page { size: A4; margin: 15mm; }
      body { font-size: 10.5pt; }
      .site-nav, .skip-link, .filter, .filter-status, .site-footer a { display: none; }
      .site-header { border-top-width: 3px; padding: 0; }
      a { color: var(--ink); text-decoration: none; }
      main { max-width: none; padding: 0; }
      h2 { break-before: auto; break-after: avoid; }
      section.section { break-before: page; }
      section.section:first-of-type { break-before: auto; }
      figure.chart, table, dl.facts, ul.attention { break-inside: avoid; }
      .table-wrap, .chart-scroll { overflow: visible; }
      .chart-svg { min-width: 0; }
      details.chart-data { display: none; }
      th button { color: var(--ink); }
      th button::after { content: ""; }
    }

    """

    static let js = """
    // Samsyn: sortable and filterable tables. Everything works without this
    // file; it only adds sort buttons (with aria-sort) and a filter box.
    (function () {
      "use strict";
      var root = document.documentElement;
      var sv = (root.getAttribute("lang") || "sv") === "sv";
      var words = sv
        ? { filter: "Filtrera tabellen", shown: function (a, b) { return a + " av " + b + " rader visas."; } }
        : { filter: "Filter the table", shown: function (a, b) { return a + " of " + b + " rows shown."; } };

      function cellValue(row, index) {
        var cell = row.children[index];
        if (!cell) { return ""; }
        return cell.getAttribute("data-sort") || cell.textContent.trim();
      }

      // Numbers as the pages write them: "1 234", "3,13", "−0,5", "63 %".
      function asNumber(text) {
        var cleaned = text.replace(/[\\s\\u00a0\\u202f%]/g, "").replace("\\u2212", "-").replace(",", ".");
        return /^-?\\d+(\\.\\d+)?$/.test(cleaned) ? parseFloat(cleaned) : null;
      }

      function sortTable(table, index, th) {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          var nx = asNumber(x), ny = asNumber(y);
          var order = nx !== null && ny !== null ? nx - ny : x.localeCompare(y, sv ? "sv" : "en");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      }

      Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
        if (!table.tHead || !table.tBodies.length) { return; }
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = th.textContent;
          th.textContent = "";
          th.appendChild(button);
          button.addEventListener("click", function () { sortTable(table, index, th); });
        });
      });

      var counter = 0;
      Array.prototype.forEach.call(document.querySelectorAll(".table-wrap[data-filterable]"), function (wrap) {
        var table = wrap.querySelector("table");
        if (!table || !table.tBodies.length) { return; }
        counter += 1;
        var id = "filter-" + counter;
        var box = document.createElement("div");
        box.className = "filter";
        var label = document.createElement("label");
        label.setAttribute("for", id);
        label.textContent = words.filter;
        var input = document.createElement("input");
        input.type = "search";
        input.id = id;
        input.setAttribute("autocomplete", "off");
        var status = document.createElement("p");
        status.className = "filter-status";
        status.setAttribute("role", "status");
        box.appendChild(label);
        box.appendChild(input);
        box.appendChild(status);
        wrap.parentNode.insertBefore(box, wrap);
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        input.addEventListener("input", function () {
          var needle = input.value.trim().toLowerCase();
          var shown = 0;
          rows.forEach(function (row) {
            var match = needle === "" || row.textContent.toLowerCase().indexOf(needle) !== -1;
            row.hidden = !match;
            if (match) { shown += 1; }
          });
          status.textContent = needle === "" ? "" : words.shown(shown, rows.length);
        });
      });
    })();

    """
}

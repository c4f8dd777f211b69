/// The HTML templates (Mustache). `{{name}}` is always HTML-escaped — quotes
/// included, so values are safe in attributes too; these templates use no
/// unescaped `{{{ }}}` at all. Every page is one generic page of sections and
/// blocks, so the Swift side decides *what* is shown and the templates only
/// decide *how*.
enum Templates {
    static let all: [String: String] = [
        "page": page, "block": block, "table": table, "figure": figure, "chart-line": chartLine,
        "chart-bars": chartBars, "chart-radar": chartRadar, "chart-timeline": chartTimeline, "data-table": dataTable,
    ]

    static let page = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">
    <title>{{pageTitle}} – {{projectName}}</title>
    <link rel="stylesheet" href="{{root}}assets/samsyn.css">
    {{#accentFile}}<link rel="stylesheet" href="{{root}}assets/accent.css">{{/accentFile}}
    <script src="{{root}}assets/samsyn.js" defer></script>
    </head>
    <body>
    <a class="skip-link" href="#main">{{words.skip}}</a>
    <header class="site-header">
    <div class="site-title">{{#logo}}<img src="{{root}}{{logo}}" alt="" class="logo">{{/logo}}<a href="{{root}}index.html">{{projectName}}</a>{{#reference}} <span class="reference">{{words.reference}} {{reference}}</span>{{/reference}}</div>
    <nav class="site-nav" aria-label="{{words.navLabel}}">
    <ul>
    {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
    {{/nav}}
    </ul>
    </nav>
    </header>
    <main id="main" tabindex="-1">
    {{#breadcrumb}}<p class="breadcrumb"><a href="{{href}}">{{label}}</a> › {{pageTitle}}</p>{{/breadcrumb}}
    <h1>{{pageTitle}}</h1>
    <p class="meta">{{words.period}}: {{period}}. {{words.asOf}}: {{asOf}}.{{#changed}} {{words.changed}}: {{changed}}.{{/changed}}</p>
    {{#intro}}<p class="lead">{{.}}</p>
    {{/intro}}
    {{#blocks}}{{> block}}{{/blocks}}
    {{#sections}}
    <section class="section" aria-labelledby="{{sectionID}}">
    <h2 id="{{sectionID}}">{{heading}}</h2>
    {{#blocks}}{{> block}}{{/blocks}}
    {{#subsections}}
    <h3 id="{{subsectionID}}">{{subheading}}</h3>
    {{#blocks}}{{> block}}{{/blocks}}
    {{/subsections}}
    </section>
    {{/sections}}
    </main>
    <footer class="site-footer">
    {{#footerText}}<p>{{footerText}}</p>{{/footerText}}
    <p>{{footerAsOf}}{{#footerChanged}} {{footerChanged}}{{/footerChanged}} <a href="{{root}}accessibility/index.html">{{words.accessibility}}</a> · <a href="{{root}}data/index.html">{{words.data}}</a></p>
    </footer>
    </body>
    </html>

    """

    static let block = """
    {{#paragraph}}<p>{{paragraph}}</p>
    {{/paragraph}}{{#note}}<p class="note">{{note}}</p>
    {{/note}}{{#list}}<ul class="{{listClass}}">
    {{#items}}<li>{{#status}}<span class="tag tag-{{statusClass}}">{{status}}</span> {{/status}}{{#href}}<a href="{{href}}">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}{{#after}} {{after}}{{/after}}</li>
    {{/items}}</ul>
    {{/list}}{{#facts}}<dl class="facts">
    {{#entries}}<div><dt>{{label}}</dt><dd>{{#parts}}{{#href}}<a href="{{href}}">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}{{^last}}, {{/last}}{{/parts}}</dd></div>
    {{/entries}}</dl>
    {{/facts}}{{#table}}{{> table}}{{/table}}{{#figure}}{{> figure}}{{/figure}}
    """

    static let table = """
    <div class="table-wrap" role="region" tabindex="0" aria-label="{{caption}}"{{#filterable}} data-filterable{{/filterable}}>
    <table{{#sortable}} class="sortable"{{/sortable}}{{#tableID}} id="{{tableID}}"{{/tableID}}>
    <caption>{{caption}}</caption>
    <thead><tr>{{#head}}<th scope="col"{{#numeric}} class="num"{{/numeric}}>{{label}}</th>{{/head}}</tr></thead>
    <tbody>
    {{#rows}}<tr{{#rowClass}} class="{{rowClass}}"{{/rowClass}}>{{#cells}}{{#header}}<th scope="row"{{#cellClass}} class="{{cellClass}}"{{/cellClass}}>{{/header}}{{^header}}<td{{#cellClass}} class="{{cellClass}}"{{/cellClass}}{{#sortKey}} data-sort="{{sortKey}}"{{/sortKey}}>{{/header}}{{#symbol}}<span aria-hidden="true" class="symbol">{{symbol}}</span> {{/symbol}}{{#href}}<a href="{{href}}">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}{{#header}}</th>{{/header}}{{^header}}</td>{{/header}}{{/cells}}</tr>
    {{/rows}}</tbody>
    </table>
    </div>

    """

    static let figure = """
    <figure class="chart" aria-labelledby="{{id}}-caption">
    <figcaption id="{{id}}-caption"><strong>{{title}}.</strong> {{caption}}</figcaption>
    <div class="chart-scroll" role="region" tabindex="0" aria-label="{{title}}">
    {{#line}}{{> chart-line}}{{/line}}{{#barChart}}{{> chart-bars}}{{/barChart}}{{#radar}}{{> chart-radar}}{{/radar}}{{#timeline}}{{> chart-timeline}}{{/timeline}}
    </div>
    {{#table}}<details class="chart-data">
    <summary>{{tableSummary}}</summary>
    {{> data-table}}
    </details>{{/table}}
    </figure>

    """

    static let dataTable = """
    <div class="table-wrap" role="region" tabindex="0" aria-label="{{title}}"><table>
    <caption>{{title}}</caption>
    <thead><tr>{{#head}}<th scope="col">{{.}}</th>{{/head}}</tr></thead>
    <tbody>
    {{#rows}}<tr><th scope="row">{{label}}</th>{{#cells}}<td class="num">{{value}}</td>{{/cells}}</tr>
    {{/rows}}</tbody>
    </table></div>
    """

    static let chartLine = """
    <svg class="chart-svg" viewBox="0 0 {{width}} {{height}}" role="img" aria-labelledby="{{id}}-caption" focusable="false">
    {{#yTicks}}<line class="grid" x1="{{x1}}" y1="{{y}}" x2="{{x2}}" y2="{{y}}"/><text class="tick" x="{{tx}}" y="{{ty}}" text-anchor="end">{{label}}</text>
    {{/yTicks}}<line class="axis" x1="{{axisX1}}" y1="{{axisY}}" x2="{{axisX2}}" y2="{{axisY}}"/>
    {{#xTicks}}<text class="tick" x="{{x}}" y="{{y}}" text-anchor="middle">{{label}}</text>
    {{/xTicks}}{{#series}}<g class="series series-{{index}}"><polyline points="{{points}}"/>
    {{#markers}}{{#circle}}<circle cx="{{x}}" cy="{{y}}" r="3.5"/>{{/circle}}{{#square}}<rect x="{{x0}}" y="{{y0}}" width="7" height="7"/>{{/square}}{{#diamond}}<polygon points="{{diamond-points}}"/>{{/diamond}}{{/markers}}
    <text class="series-label" x="{{lx}}" y="{{ly}}">{{name}}</text></g>
    {{/series}}</svg>

    """

    static let chartBars = """
    <svg class="chart-svg" viewBox="0 0 {{width}} {{height}}" role="img" aria-labelledby="{{id}}-caption" focusable="false">
    <line class="axis" x1="{{axisX}}" y1="0" x2="{{axisX}}" y2="{{height}}"/>
    {{#bars}}<text class="tick" x="{{tx}}" y="{{ty}}" text-anchor="end">{{label}}</text><rect class="bar{{#met}} bar-met{{/met}}" x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}"/><text class="value" x="{{vx}}" y="{{ty}}">{{value}}</text>{{#target}}<line class="target" x1="{{x}}" y1="{{y1}}" x2="{{x}}" y2="{{y2}}"/>{{/target}}
    {{/bars}}</svg>

    """

    static let chartRadar = """
    <svg class="chart-svg radar" viewBox="0 0 {{width}} {{height}}" role="img" aria-labelledby="{{id}}-caption" focusable="false">
    {{#rings}}<polygon class="ring" points="{{points}}"/><text class="tick" x="{{lx}}" y="{{ly}}">{{label}}</text>
    {{/rings}}{{#spokes}}<line class="grid" x1="{{cx}}" y1="{{cy}}" x2="{{x}}" y2="{{y}}"/><text class="tick" x="{{lx}}" y="{{ly}}" text-anchor="{{anchor}}">{{label}}</text>
    {{/spokes}}{{#outlines}}<polygon class="outline{{#first}} outline-first{{/first}}{{#latest}} outline-latest{{/latest}}" points="{{points}}"/>
    {{/outlines}}{{#legend}}<line class="legend{{#first}} outline-first{{/first}}{{#latest}} outline-latest{{/latest}}" x1="10" y1="{{y}}" x2="40" y2="{{y}}"/><text class="tick" x="46" y="{{y}}" dy="4">{{name}}</text>
    {{/legend}}</svg>

    """

    static let chartTimeline = """
    <svg class="chart-svg" viewBox="0 0 {{width}} {{height}}" role="img" aria-labelledby="{{id}}-caption" focusable="false">
    {{#years}}<line class="grid" x1="{{x}}" y1="16" x2="{{x}}" y2="{{y2}}"/><text class="tick" x="{{x}}" y="12" text-anchor="middle">{{label}}</text>
    {{/years}}{{#rows}}<text class="tick" x="{{tx}}" y="{{ty}}" text-anchor="end">{{label}}</text><rect class="span{{#inForce}} span-in-force{{/inForce}}{{#open}} span-open{{/open}}" x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}"/>
    {{/rows}}<line class="as-of" x1="{{asOfX}}" y1="16" x2="{{asOfX}}" y2="{{asOfY2}}"/>
    </svg>

    """
}

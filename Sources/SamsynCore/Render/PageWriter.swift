/// Writes a whole page: the frame every page shares (header, navigation,
/// footer) around the page's sections and blocks.
struct Frame: Sendable {
    var lang: String
    var projectName: String
    var reference: String?
    /// "" at the top level, "../" one folder down: every link is relative.
    var root: String
    var logo: String?
    var accentStylesheet: Bool
    var period: String
    var asOf: String
    var changed: String?
    var footerText: String?
    var footerAsOf: String
    var footerChanged: String?
    var navigation: [(href: String, label: String, current: Bool)]
    var words: Words

    struct Words: Sendable {
        var skip, navLabel, reference, period, asOf, changed, accessibility, data, tableData: String
    }
}

/// The parts of the frame that do not depend on the page itself, only on
/// how deep it lies and which navigation entry is its own: written once per
/// site and copied into each page (writing them for every page was about a
/// sixth of the pages' cost).
struct FramePieces: Sendable {
    /// From the stylesheets after the title to the opening of `<main>`.
    var top: WrittenHTML
    /// The line under the heading: project period, as-of date, last change.
    var meta: WrittenHTML
    /// From the closing of `<main>` to the end of the page.
    var bottom: WrittenHTML

    init(_ f: Frame) {
        var top = HTMLWriter(capacity: 4096)
        top.newline()
        top.open("link", ["rel": "stylesheet", "href": f.root + "assets/samsyn.css"])
        top.newline()
        if f.accentStylesheet {
            top.open("link", ["rel": "stylesheet", "href": f.root + "assets/accent.css"])
            top.newline()
        }
        top.open("script", ["src": f.root + "assets/samsyn.js", "defer": ""])
        top.close("script")
        top.markup("\n</head>\n<body>\n")
        top.element("a", ["class": "skip-link", "href": "#main"], text: f.words.skip)
        top.markup("\n<header class=\"site-header\">\n<div class=\"site-title\">")
        if let logo = f.logo { top.open("img", ["src": f.root + logo, "alt": "", "class": "logo"]) }
        top.element("a", ["href": f.root + "index.html"], text: f.projectName)
        if let reference = f.reference {
            top.markup(" ")
            top.element("span", ["class": "reference"], text: f.words.reference + " " + reference)
        }
        top.markup("</div>\n")
        top.open("nav", ["class": "site-nav", "aria-label": f.words.navLabel])
        top.markup("\n<ul>\n")
        for entry in f.navigation {
            top.markup("<li>")
            top.open("a", ["href": entry.href, "aria-current": entry.current ? "page" : nil])
            top.text(entry.label)
            top.markup("</a></li>\n")
        }
        top.markup("</ul>\n</nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n")
        self.top = top.written

        var meta = HTMLWriter(capacity: 512)
        var line = "\(f.words.period): \(f.period). \(f.words.asOf): \(f.asOf)."
        if let changed = f.changed { line += " \(f.words.changed): \(changed)." }
        meta.element("p", ["class": "meta"], text: line)
        meta.newline()
        self.meta = meta.written

        var bottom = HTMLWriter(capacity: 1024)
        bottom.markup("</main>\n<footer class=\"site-footer\">\n")
        if let footer = f.footerText {
            bottom.element("p", text: footer)
            bottom.newline()
        }
        bottom.markup("<p>")
        bottom.text(f.footerAsOf)
        if let changed = f.footerChanged {
            bottom.markup(" ")
            bottom.text(changed)
        }
        bottom.markup(" ")
        bottom.element("a", ["href": f.root + "accessibility/index.html"], text: f.words.accessibility)
        bottom.markup(" · ")
        bottom.element("a", ["href": f.root + "data/index.html"], text: f.words.data)
        bottom.markup("</p>\n</footer>\n</body>\n</html>\n")
        self.bottom = bottom.written
    }
}

enum PageWriter {
    /// `pieces` are `FramePieces(frame)`, written once for many pages.
    static func write(_ page: Page, frame f: Frame, pieces: FramePieces, breadcrumb: (label: String, href: String)?) -> HTMLWriter {
        var w = HTMLWriter()
        w.markup("<!DOCTYPE html>\n")
        w.markup("<html")
        w.attribute("lang", f.lang)
        w.markup(">")
        w.markup("""

        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">

        """)
        // Written in its parts (escaping a joined text is escaping each
        // part): joining them made and freed a string for every page.
        w.markup("<title>")
        w.text(page.title)
        w.markup(" – ")
        w.text(f.projectName)
        w.markup("</title>")
        w.append(pieces.top)
        if let breadcrumb {
            w.markup("<p class=\"breadcrumb\">")
            w.element("a", "href", breadcrumb.href, text: breadcrumb.label)
            w.markup(" › ")
            w.text(page.title)
            w.markup("</p>\n")
        }
        w.element("h1", text: page.title)
        w.newline()
        w.append(pieces.meta)
        for line in page.intro {
            w.element("p", "class", "lead", text: line)
            w.newline()
        }
        blocks(page.blocks, &w, f)
        for section in page.sections {
            w.markup("<section class=\"section\"")
            w.attribute("aria-labelledby", section.id)
            w.markup(">")
            w.newline()
            w.element("h2", "id", section.id, text: section.heading)
            w.newline()
            blocks(section.blocks, &w, f)
            for sub in section.subsections {
                w.element("h3", "id", sub.id, text: sub.heading)
                w.newline()
                blocks(sub.blocks, &w, f)
            }
            w.markup("</section>\n")
        }
        w.append(pieces.bottom)
        return w
    }

    static func blocks(_ blocks: [Block], _ w: inout HTMLWriter, _ f: Frame) {
        for block in blocks {
            switch block {
            case .paragraph(let text):
                w.element("p", text: text)
            case .note(let text):
                w.element("p", "class", "note", text: text)
            case let .list(items, style):
                w.open("ul", ["class": style])
                w.newline()
                for item in items {
                    w.markup("<li>")
                    if let status = item.status {
                        // The class's fixed part as markup: no string made per item.
                        w.markup("<span class=\"tag tag-")
                        w.text(item.statusClass)
                        w.markup("\">")
                        w.text(status)
                        w.markup("</span>")
                        w.markup(" ")
                    }
                    w.link(item.text, href: item.href)
                    if let after = item.after {
                        w.markup(" ")
                        w.text(after)
                    }
                    w.markup("</li>\n")
                }
                w.markup("</ul>")
            case .facts(let facts):
                w.markup("<dl class=\"facts\">\n")
                for fact in facts where !fact.parts.isEmpty {
                    writeFactStart(fact.label, &w)
                    write(factParts: fact.parts, &w)
                }
                w.markup("</dl>")
            case .written(let html):
                w.append(html)
            case .table(let table):
                write(table, &w)
            case .figure(let figure):
                write(figure, &w, f)
            }
            w.newline()
        }
    }

    static func write(_ table: Table, _ w: inout HTMLWriter) {
        // Fixed attributes as markup, the rest one by one: the same bytes as
        // `open` with a list, without making one for each table.
        w.markup("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\"")
        w.attribute("aria-label", table.caption)
        w.attribute("data-filterable", table.filterable ? "" : nil)
        w.markup(">\n<table")
        w.attribute("class", table.sortable ? "sortable" : nil)
        w.attribute("id", table.id)
        w.markup(">")
        w.newline()
        w.element("caption", text: table.caption)
        w.markup("\n<thead><tr>")
        for head in table.head {
            w.markup(head.numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            w.text(head.label)
            w.markup("</th>")
        }
        w.markup("</tr></thead>\n<tbody>\n")
        for rowIndex in table.rows.indices { write(row: table.rows[rowIndex], &w) }
        for row in table.writtenRows { w.append(row) }
        w.markup("</tbody>\n</table>\n</div>")
    }

    /// A fact's label and the opening of its value: `<div><dt>…</dt><dd>`.
    /// Its parts follow (`, ` between them), then `</dd></div>` and a newline.
    static func writeFactStart(_ label: String, _ w: inout HTMLWriter) {
        w.markup("<div>")
        w.element("dt", text: label)
        w.markup("<dd>")
    }

    /// A fact's value, each part a link when it has one, and the fact's end.
    static func write(factParts parts: [Fact.Part], _ w: inout HTMLWriter) {
        for (index, part) in parts.enumerated() {
            if index > 0 { w.markup(", ") }
            w.link(part.text, href: part.href)
        }
        w.markup("</dd></div>\n")
    }

    /// A fact written after its label as written once per site
    /// (`factStart`); nothing for a fact without parts, as in `Block.facts`.
    static func write(fact start: WrittenHTML, _ parts: [Fact.Part], _ w: inout HTMLWriter) {
        guard !parts.isEmpty else { return }
        w.append(start)
        write(factParts: parts, &w)
    }

    /// `writeFactStart`'s bytes, written once to be written again.
    static func factStart(_ label: String) -> WrittenHTML {
        var w = HTMLWriter(capacity: 64)
        writeFactStart(label, &w)
        return w.written
    }

    /// One row of a table, `<tr>…</tr>` and a newline.
    static func write(row cells: [Cell], _ w: inout HTMLWriter) {
        w.markup("<tr>")
        write(cells: cells, &w)
        w.markup("</tr>\n")
    }

    /// Cells of a row, without the row's tags.
    static func write(cells: [Cell], _ w: inout HTMLWriter) {
        // Cells are read where they lie: `for cell in row` copied each one,
        // retaining and releasing its five strings, for every cell of the site.
        cells.withUnsafeBufferPointer { row in
            for index in row.indices { write(cell: index, of: row, &w) }
        }
    }

    /// A row's opening and its header cell (`text`, a link when `href` is
    /// given), for rows whose other cells follow without a `Cell` each.
    static func write(rowStart text: String, href: String?, _ w: inout HTMLWriter) {
        w.markup("<tr>")
        write(cells: [Part.cell(text, href: href, header: true)], &w)
    }

    /// A numeric data cell, as a `Part.cell(text, numeric: true)` is written,
    /// for rows written straight into a writer (without a `Cell` for each value).
    static func write(numberCell text: String, _ w: inout HTMLWriter) {
        w.markup("<td class=\"num\">")
        w.text(text)
        w.markup("</td>")
    }

    /// One cell of a row, read in place. The same markup as open("th"/"td",
    /// …), written without a list of attributes per cell.
    @inline(__always)
    private static func write(cell index: Int, of row: UnsafeBufferPointer<Cell>, _ w: inout HTMLWriter) {
        if row[index].header {
            w.markup("<th scope=\"row\"")
            w.attribute("class", row[index].className)
        } else {
            w.markup("<td")
            w.attribute("class", row[index].className)
            w.attribute("data-sort", row[index].sortKey)
        }
        w.markup(">")
        if let symbol = row[index].symbol {
            w.markup("<span aria-hidden=\"true\" class=\"symbol\">")
            w.text(symbol)
            w.markup("</span> ")
        }
        w.link(row[index].text, href: row[index].href)
        w.markup(row[index].header ? "</th>" : "</td>")
    }

    /// A row written once, to be written again unchanged wherever it is listed.
    static func written(row cells: [Cell]) -> WrittenHTML {
        var w = HTMLWriter(capacity: 1024)
        write(row: cells, &w)
        return w.written
    }

    /// A row written once, whole and without the cell at `left`, for tables
    /// that leave that column out: the shorter row is the whole one's bytes
    /// with the cell left out, neither written nor kept again (a national
    /// site lists every activity both ways; docs/performance.md, change 103).
    static func written(row cells: [Cell], leavingOut left: Int) -> (whole: WrittenHTML, without: WrittenHTML) {
        var w = HTMLWriter(capacity: 1024)
        var cut = 0..<0
        w.markup("<tr>")
        cells.withUnsafeBufferPointer { row in
            for index in row.indices {
                let start = w.byteCount
                write(cell: index, of: row, &w)
                if index == left { cut = start..<w.byteCount }
            }
        }
        w.markup("</tr>\n")
        let whole = w.written
        return (whole, whole.leavingOut(cut))
    }

    static func write(_ figure: Figure, _ w: inout HTMLWriter, _ f: Frame) {
        w.open("figure", ["class": "chart", "aria-labelledby": figure.id + "-caption"])
        w.newline()
        w.open("figcaption", ["id": figure.id + "-caption"])
        w.element("strong", text: figure.title + ".")
        w.markup(" ")
        w.text(figure.caption)
        w.markup("</figcaption>\n")
        w.open("div", ["class": "chart-scroll", "role": "region", "tabindex": "0", "aria-label": figure.title])
        w.newline()
        switch figure.chart {
        case .line(let chart): w.draw(chart, id: figure.id)
        case .bars(let chart): w.draw(chart, id: figure.id)
        case .radar(let chart): w.draw(chart, id: figure.id)
        case .timeline(let chart): w.draw(chart, id: figure.id)
        }
        w.markup("</div>\n<details class=\"chart-data\">\n")
        w.element("summary", text: f.words.tableData)
        w.newline()
        w.open("div", ["class": "table-wrap", "role": "region", "tabindex": "0", "aria-label": figure.title])
        w.markup("<table>\n")
        w.element("caption", text: figure.title)
        w.markup("\n<thead><tr>")
        for head in figure.data.head {
            w.markup("<th scope=\"col\">")
            w.text(head)
            w.markup("</th>")
        }
        w.markup("</tr></thead>\n<tbody>\n")
        // Each cell's tags as one constant: a list of attributes per cell was
        // made and freed for every value of every chart's table.
        for row in figure.data.rows {
            w.markup("<tr><th scope=\"row\">")
            w.text(row.label)
            w.markup("</th>")
            for value in row.values { write(numberCell: value, &w) }
            w.markup("</tr>\n")
        }
        w.markup("</tbody>\n</table></div>\n</details>\n</figure>")
    }
}

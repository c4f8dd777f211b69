/// Small constructors for the page model the templates read: pages are
/// sections of blocks (paragraphs, lists, fact lists, tables, figures).
typealias Model = [String: Any]

/// Relative links from one page: every URL is relative, so the site works
/// from file://, from a sub-path and from a server root alike.
struct Linker {
    /// "" at the top level, "../" one folder down.
    let root: String

    init(pagePath: String) {
        root = String(repeating: "../", count: pagePath.split(separator: "/").count - 1)
    }

    func href(_ path: String) -> String { root + path }

    func agreement(_ id: String) -> String { href("agreements/\(id).html") }
    func activity(_ activity: Activity) -> String { href("\(activity.kind.folder)/\(activity.id).html") }
    func organisation(_ id: String) -> String { href("organisations/\(id).html") }
    func subproject(_ id: String) -> String { href("subprojects/\(id).html") }
}

enum Part {
    static func paragraph(_ text: String) -> Model { ["paragraph": text] }
    static func note(_ text: String) -> Model { ["note": text] }

    static func item(_ text: String, href: String? = nil, after: String? = nil, status: String? = nil,
                     statusClass: String? = nil) -> Model {
        var item: Model = ["text": text]
        if let href { item["href"] = href }
        if let after { item["after"] = after }
        if let status { item["status"] = status; item["statusClass"] = statusClass ?? "info" }
        return item
    }

    static func list(_ items: [Model], className: String = "plain") -> Model {
        ["list": true, "items": items, "listClass": className]
    }

    /// A definition list; each value is one or more (text, link) parts.
    static func facts(_ entries: [(String, [(String, String?)])]) -> Model {
        let models: [Model] = entries.filter { !$0.1.isEmpty }.map { label, parts in
            ["label": label, "parts": parts.enumerated().map { i, part -> Model in
                var model: Model = ["text": part.0, "last": i == parts.count - 1]
                if let href = part.1 { model["href"] = href }
                return model
            }]
        }
        return ["facts": true, "entries": models]
    }

    static func cell(_ text: String, href: String? = nil, header: Bool = false, numeric: Bool = false,
                     sortKey: String? = nil, symbol: String? = nil, className: String? = nil) -> Model {
        var cell: Model = ["text": text, "header": header]
        if let href { cell["href"] = href }
        if let sortKey { cell["sortKey"] = sortKey }
        if let symbol { cell["symbol"] = symbol }
        let classes = [numeric ? "num" : nil, className].compactMap { $0 }
        if !classes.isEmpty { cell["cellClass"] = classes.joined(separator: " ") }
        return cell
    }

    /// A table with headers; `sortable` adds sort buttons and `filterable` a
    /// filter box (both by the script; the table is complete without it).
    static func table(caption: String, head: [(String, Bool)], rows: [[Model]], sortable: Bool = false,
                      filterable: Bool = false, id: String? = nil, rowClasses: [String?]? = nil) -> Model {
        var table: Model = [
            "caption": caption,
            "head": head.map { ["label": $0.0, "numeric": $0.1] as Model },
            "rows": rows.enumerated().map { i, cells -> Model in
                var row: Model = ["cells": cells]
                if let rowClass = rowClasses?[i] { row["rowClass"] = rowClass }
                return row
            },
            "sortable": sortable, "filterable": filterable,
        ]
        if let id { table["tableID"] = id }
        return ["table": table]
    }

    static func figure(_ chart: Model, title: String, caption: String, l: Localization) -> Model {
        var figure = chart
        figure["title"] = title
        figure["caption"] = caption
        figure["tableSummary"] = l["table.data"]
        return ["figure": figure]
    }

    static func section(_ heading: String, id: String, _ blocks: [Model], subsections: [Model] = []) -> Model {
        ["heading": heading, "sectionID": id, "blocks": blocks, "subsections": subsections]
    }

    static func subsection(_ heading: String, id: String, _ blocks: [Model]) -> Model {
        ["subheading": heading, "subsectionID": id, "blocks": blocks]
    }
}

/// Relative links from one page: every URL is relative, so the site works
/// from file://, from a sub-path and from a server root alike.
struct Linker {
    /// "" at the top level, "../" one folder down.
    let root: String

    private init(root: String) { self.root = root }

    /// A record page's own path, `folder/id.html`, made as its links are
    /// (string interpolation cost twice as much, for every record page).
    static func recordPath(_ folder: String, _ id: String) -> String { Linker(root: "").record(folder, id) }

    init(pagePath: String) {
        // Counted in bytes: splitting the String by characters cost some
        // 20 000 instructions a page. Page paths have no empty segments.
        var path = pagePath
        let depth = path.withUTF8 { bytes in bytes.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }
        // The usual depths as constants: a link maker is made for every page and table.
        switch depth {
        case 0: root = ""
        case 1: root = "../"
        default: root = String(repeating: "../", count: depth)
        }
    }

    func href(_ path: String) -> String { root + path }

    func agreement(_ id: String) -> String { record("agreements", id) }
    func activity(_ activity: Activity) -> String { record(activity.kind.folder, activity.id) }
    func organisation(_ id: String) -> String { record("organisations", id) }
    func subproject(_ id: String) -> String { record("subprojects", id) }

    /// `root` + `folder/id.html`, its bytes copied once into a string of the
    /// right size (links fill every table row; appending part by part cost
    /// ten times as much).
    private func record(_ folder: String, _ id: String) -> String {
        let count = root.utf8.count + folder.utf8.count + id.utf8.count + 6
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            put(root, into: buffer, at: &at)
            put(folder, into: buffer, at: &at)
            buffer[at] = UInt8(ascii: "/")
            at += 1
            put(id, into: buffer, at: &at)
            put(".html", into: buffer, at: &at)
            return at
        }
    }

    /// Copies a string's UTF-8 bytes (read in place, without a copy of the
    /// string: this runs for every link of every page).
    @inline(__always)
    private func put(_ part: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        let copied = part.utf8.withContiguousStorageIfAvailable { bytes in
            _ = UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: bytes)
            return bytes.count
        }
        if let copied {
            at += copied
        } else {
            for byte in part.utf8 { buffer[at] = byte; at += 1 }
        }
    }
}

/// Short constructors for the page model, so the page builders read as a
/// description of the page.
enum Part {
    static func paragraph(_ text: String) -> Block { .paragraph(text) }
    static func note(_ text: String) -> Block { .note(text) }

    static func item(_ text: String, href: String? = nil, after: String? = nil, status: String? = nil,
                     statusClass: String? = nil) -> ListItem {
        ListItem(text: text, href: href, after: after, status: status, statusClass: statusClass ?? "info")
    }

    static func list(_ items: [ListItem], className: String = "plain") -> Block { .list(items, style: className) }

    /// A definition list; each value is one or more (text, link) parts.
    static func facts(_ entries: [(String, [Fact.Part])]) -> Block {
        // The parts are taken as they are: re-labelling each list cost an array per fact.
        .facts(entries.compactMap { $0.1.isEmpty ? nil : Fact(label: $0.0, parts: $0.1) })
    }

    static func cell(_ text: String, href: String? = nil, header: Bool = false, numeric: Bool = false,
                     sortKey: String? = nil, symbol: String? = nil, className: String? = nil) -> Cell {
        // No list of classes to join: a national site has millions of cells.
        let classes = numeric ? (className.map { "num " + $0 } ?? "num") : className
        return Cell(text: text, href: href, header: header, sortKey: sortKey, symbol: symbol, className: classes)
    }

    /// A table with headers; `sortable` adds sort buttons and `filterable` a
    /// filter box (both by the script; the table is complete without it).
    static func table(caption: String, head: [(String, Bool)], rows: [[Cell]] = [], writtenRows: [WrittenHTML] = [],
                      sortable: Bool = false, filterable: Bool = false, id: String? = nil) -> Block {
        .table(Table(caption: caption, head: head.map { (label: $0.0, numeric: $0.1) }, rows: rows, writtenRows: writtenRows,
                     sortable: sortable, filterable: filterable, id: id))
    }

    static func figure(_ chart: Chart, data: DataTable, id: String, title: String, caption: String) -> Block {
        .figure(Figure(id: id, title: title, caption: caption, chart: chart, data: data))
    }

    static func section(_ heading: String, id: String, _ blocks: [Block], subsections: [Subsection] = []) -> Section {
        Section(heading: heading, id: id, blocks: blocks, subsections: subsections)
    }
}

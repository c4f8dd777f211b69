/// The page model: what the page builders say, and the writer draws.
/// Plain typed values, so building a page is cheap and a typo is a compile error.
struct Section: Sendable {
    var heading: String
    var id: String
    var blocks: [Block]
    var subsections: [Subsection] = []
}

struct Subsection: Sendable {
    var heading: String
    var id: String
    var blocks: [Block]
}

enum Block: Sendable {
    case paragraph(String)
    case note(String)
    case list([ListItem], style: String)
    case facts([Fact])
    case table(Table)
    case figure(Figure)
    /// A block an `HTMLWriter` wrote already (escaped text and the program's
    /// own markup): for the blocks of the most numerous pages, written
    /// without a model to make and free.
    case written(WrittenHTML)
}

struct ListItem: Sendable {
    var text: String
    var href: String?
    var after: String?
    var status: String?
    var statusClass = "info"
}

struct Fact: Sendable {
    /// Some text, a link when `href` is given.
    typealias Part = (text: String, href: String?)
    var label: String
    var parts: [Part]
}

struct Table: Sendable {
    var caption: String
    var head: [(label: String, numeric: Bool)]
    var rows: [[Cell]]
    /// Rows written once per site and shared by every table that lists
    /// them (`ActivityPages.Rows`), after `rows`.
    var writtenRows: [WrittenHTML] = []
    var sortable = false
    var filterable = false
    var id: String?
}

struct Cell: Sendable {
    var text: String
    var href: String?
    var header = false
    var sortKey: String?
    var symbol: String?
    /// "num", "status status-met", …
    var className: String?
}

/// The same figures as a chart shows, as a table beside it.
struct DataTable: Sendable {
    var head: [String]
    var rows: [(label: String, values: [String])]
}

struct Figure: Sendable {
    var id: String
    var title: String
    var caption: String
    var chart: Chart
    var data: DataTable
}

enum Chart: Sendable {
    case line(LineChart)
    case bars(BarChart)
    case radar(RadarChart)
    case timeline(TimelineChart)
}

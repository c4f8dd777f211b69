/// A table written the way Excel with Swedish settings opens it by a double
/// click: UTF-8 with a byte-order mark (or Excel guesses the wrong encoding),
/// `;` between cells (Swedish Excel's list separator), CRLF line ends and a
/// decimal comma.
public struct CSVTable: Sendable {
    public enum Cell: Sendable {
        case text(String)
        case int(Int)
        case decimal(Rounded)
        case empty
    }

    public var header: [String]
    public var rows: [[Cell]]

    public init(header: [String], rows: [[Cell]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table's bytes (`CSVBytes`, the same writer the site's data files
    /// go through).
    public func bytes() -> [UInt8] {
        var out = CSVBytes(header: header)
        for row in rows { out.append(row) }
        return out.bytes
    }

    /// A text cell, defused, and quoted when it holds a separator, a quote or
    /// a line break — looked for byte by byte, as a spreadsheet reads them
    /// (a `;` followed by a combining mark still separates cells there).
    /// Over the string's own UTF-8 buffer, in one look and one copy: the
    /// activities' table of a national site has a million text cells.
    fileprivate static func append(text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let quoted = bytes.contains(where: needsQuotes)
            if quoted { out.append(UInt8(ascii: "\"")) }
            if let first = bytes.first, startsFormula(first) { out.append(UInt8(ascii: "'")) }
            guard quoted else {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                out.append(byte)
                if byte == UInt8(ascii: "\"") { out.append(byte) }
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// A separator, a quote or a line break: a cell holding one is quoted.
    fileprivate static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13
    }

    /// A text cell that starts like a formula (= + - @, or a tab or carriage
    /// return before one) would be run by a spreadsheet: a leading apostrophe
    /// makes it plain text. Numbers are written as numbers and are not touched.
    fileprivate static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return true
        default: return false
        }
    }
}

/// Where a table's rows go, cell by cell: into `CSVCells`, which keeps them
/// (for callers and tests that read cells), or into `CSVBytes`, which writes
/// each cell as it comes (what the site's data files take). A national
/// site's table of activities has 65 000 rows: keeping them all as cells,
/// then writing them, then freeing them went through each row three times;
/// and a row made as an array of cells, with its dates and lists as
/// strings, cost some 9 000 instructions an activity (docs/performance.md,
/// change 116).
protocol CSVRows {
    mutating func text(_ value: String)
    mutating func int(_ value: Int)
    mutating func decimal(_ value: Rounded)
    mutating func empty()
    /// A date, `YYYY-MM-DD`.
    mutating func day(_ value: Day)
    /// Words in one cell, separated by ", " (an empty cell for none).
    mutating func words<Items: Collection<String>>(_ items: Items)
    mutating func endRow()
}

extension CSVRows {
    /// An optional value, or an empty cell.
    mutating func text(_ value: String?) { if let value { text(value) } else { empty() } }
    mutating func int(_ value: Int?) { if let value { int(value) } else { empty() } }
    mutating func decimal(_ value: Rounded?) { if let value { decimal(value) } else { empty() } }
    mutating func day(_ value: Day?) { if let value { day(value) } else { empty() } }
}

/// A table's rows kept as cells, for a `CSVTable`.
struct CSVCells: CSVRows {
    private(set) var rows: [[CSVTable.Cell]] = []
    private var row: [CSVTable.Cell] = []

    mutating func text(_ value: String) { row.append(.text(value)) }
    mutating func int(_ value: Int) { row.append(.int(value)) }
    mutating func decimal(_ value: Rounded) { row.append(.decimal(value)) }
    mutating func empty() { row.append(.empty) }
    mutating func day(_ value: Day) { row.append(.text(value.description)) }
    mutating func words<Items: Collection<String>>(_ items: Items) {
        row.append(items.isEmpty ? .empty : .text(items.joined(separator: ", ")))
    }
    mutating func endRow() {
        rows.append(row)
        row = []
    }
}

/// A table's bytes, written cell by cell into one buffer.
struct CSVBytes: CSVRows {
    private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    private var startsRow = true

    init(header: [String]) {
        for name in header { text(name) }
        endRow()
    }

    /// One row of kept cells (`CSVTable.bytes()`).
    mutating func append(_ row: [CSVTable.Cell]) {
        for cell in row {
            switch cell {
            case .text(let value): text(value)
            case .int(let value): int(value)
            case .decimal(let value): decimal(value)
            case .empty: empty()
            }
        }
        endRow()
    }

    /// A `;` before each cell but a row's first.
    private mutating func startCell() {
        if startsRow {
            startsRow = false
        } else {
            bytes.append(UInt8(ascii: ";"))
        }
    }

    mutating func text(_ value: String) {
        startCell()
        CSVTable.append(text: value, to: &bytes)
    }

    mutating func int(_ value: Int) {
        startCell()
        Rounded(units: value, decimals: 0).append(to: &bytes)  // its digits, without a String
    }

    mutating func decimal(_ value: Rounded) {
        startCell()
        value.append(to: &bytes, separator: UInt8(ascii: ","))
    }

    mutating func empty() { startCell() }

    /// Digits and dashes, starting with a digit: nothing to quote or defuse.
    mutating func day(_ value: Day) {
        startCell()
        value.append(to: &bytes)
    }

    /// Written word by word when the joined text would be written as it
    /// stands (no word to quote, no formula at its start), which ids and
    /// vocabulary values always are; as that joined text otherwise.
    mutating func words<Items: Collection<String>>(_ items: Items) {
        guard let first = items.first else { return empty() }
        guard let firstByte = first.utf8.first, !CSVTable.startsFormula(firstByte),
              !items.contains(where: { $0.utf8.contains(where: CSVTable.needsQuotes) }) else {
            return text(items.joined(separator: ", "))
        }
        startCell()
        var separated = false
        for item in items {
            if separated { bytes += [UInt8(ascii: ","), UInt8(ascii: " ")] }
            bytes.append(contentsOf: item.utf8)
            separated = true
        }
    }

    mutating func endRow() {
        bytes += [13, 10]
        startsRow = true
    }
}

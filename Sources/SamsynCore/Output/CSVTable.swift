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
            let special: (UInt8) -> Bool = { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            let quoted = bytes.contains(where: special)
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

    /// A text cell that starts like a formula (= + - @, or a tab or carriage
    /// return before one) would be run by a spreadsheet: a leading apostrophe
    /// makes it plain text. Numbers are written as numbers and are not touched.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return true
        default: return false
        }
    }
}

/// Where a table's rows go, one at a time: into a `CSVTable`, which keeps
/// them (for callers and tests that read cells), or into `CSVBytes`, which
/// writes each row as it comes (what the site's data files take: a national
/// site's table of activities has 65 000 rows, and keeping them all as
/// cells, then writing them, then freeing them went through each row three
/// times, the last two long after it was made).
protocol CSVRows {
    mutating func append(_ row: [CSVTable.Cell])
}

extension CSVTable: CSVRows {
    mutating func append(_ row: [CSVTable.Cell]) { rows.append(row) }
}

/// A table's bytes, written row by row into one buffer.
struct CSVBytes: CSVRows {
    private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(header: [String]) {
        for (index, name) in header.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ";")) }
            CSVTable.append(text: name, to: &bytes)
        }
        bytes += [13, 10]
    }

    mutating func append(_ row: [CSVTable.Cell]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ";")) }
            switch cell {
            case .text(let text): CSVTable.append(text: text, to: &bytes)
            case .int(let n): Rounded(units: n, decimals: 0).append(to: &bytes)  // its digits, without a String
            case .decimal(let d): d.append(to: &bytes, separator: UInt8(ascii: ","))
            case .empty: break
            }
        }
        bytes += [13, 10]
    }
}

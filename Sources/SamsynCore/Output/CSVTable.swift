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

    /// The table's bytes, written straight into one buffer (the data files
    /// of a national site have tens of thousands of rows).
    public func bytes() -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for (index, name) in header.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ";")) }
            CSVTable.append(text: name, to: &out)
        }
        out += [13, 10]
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ";")) }
                switch cell {
                case .text(let text): CSVTable.append(text: text, to: &out)
                case .int(let n): out.append(utf8: String(n))
                case .decimal(let d): out.append(utf8: d.text(separator: ","))
                case .empty: break
                }
            }
            out += [13, 10]
        }
        return out
    }

    /// A text cell, defused, and quoted when it holds a separator, a quote or
    /// a line break — looked for byte by byte, as a spreadsheet reads them
    /// (a `;` followed by a combining mark still separates cells there).
    static func append(text: String, to out: inout [UInt8]) {
        let defused = defuse(text), utf8 = defused.utf8
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        // Over the string's own buffer: through the generic view it cost several times more per byte.
        guard utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? utf8.contains(where: special) else {
            out.append(utf8: defused)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A text cell that starts like a formula (= + - @, or a tab or carriage
    /// return before one) would be run by a spreadsheet: a leading apostrophe
    /// makes it plain text. Numbers are written as numbers and are not touched.
    static func defuse(_ text: String) -> String {
        switch text.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return "'" + text
        default: return text
        }
    }
}

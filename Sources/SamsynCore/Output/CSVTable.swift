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

    public func bytes() -> [UInt8] {
        var out = "\u{FEFF}"
        out += header.map { CSVTable.quote(CSVTable.defuse($0)) }.joined(separator: ";") + "\r\n"
        for row in rows {
            out += row.map(CSVTable.render).joined(separator: ";") + "\r\n"
        }
        return Array(out.utf8)
    }

    static func render(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): return quote(defuse(text))
        case .int(let n): return String(n)
        case .decimal(let d): return d.text(separator: ",")
        case .empty: return ""
        }
    }

    /// A text cell that starts like a formula (= + - @, or a tab or carriage
    /// return before one) would be run by a spreadsheet: a leading apostrophe
    /// makes it plain text. Numbers are written as numbers and are not touched.
    static func defuse(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A small JSON tree with a deterministic writer. Object keys keep the order
/// they are given in (the indicator code sorts data-keyed maps itself), and
/// decimals are written from exact rounded values, never from a Double.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case decimal(Rounded)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.serialized() == b.serialized()
    }

    /// An object whose keys are data (ids, years), written in byte order.
    public static func sortedObject(_ entries: [String: JSONValue]) -> JSONValue {
        .object(entries.sorted { byteOrder($0.key, $1.key) }.map { ($0.key, $0.value) })
    }

    /// Pretty-printed with two-space indentation and a final newline.
    public func serialized() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }

    /// The same text as `serialized()`, as UTF-8 bytes: written straight into
    /// one buffer (the indicator document of a national site is large, and
    /// building it from strings cost more than computing it).
    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private func write(into out: inout [UInt8], indent: Int) {
        func pad(_ level: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level)) }
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): out += String(i).utf8
        case .decimal(let d): out += d.text().utf8
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out += "[\n".utf8
            for (index, item) in items.enumerated() {
                pad(indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += (index < items.count - 1 ? ",\n" : "\n").utf8
            }
            pad(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty { out += "{}".utf8; return }
            out += "{\n".utf8
            for (index, (key, value)) in fields.enumerated() {
                pad(indent + 1)
                JSONValue.writeString(key, into: &out)
                out += ": ".utf8
                value.write(into: &out, indent: indent + 1)
                out += (index < fields.count - 1 ? ",\n" : "\n").utf8
            }
            pad(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Escapes quotes, backslashes and control characters; also `<`, `>` and
    /// `&` (as \u escapes) so the JSON stays inert if it is ever embedded in HTML,
    /// and U+2028/U+2029, which older JavaScript parsers treat as line ends.
    /// Works on the UTF-8 bytes: every character to escape but the last two is
    /// one byte, and those two are the only ones encoded E2 80 A8 / E2 80 A9.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "\""): out += "\\\"".utf8
                case UInt8(ascii: "\\"): out += "\\\\".utf8
                case UInt8(ascii: "\n"): out += "\\n".utf8
                case UInt8(ascii: "\r"): out += "\\r".utf8
                case UInt8(ascii: "\t"): out += "\\t".utf8
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20, 0x7F: unicodeEscape(UInt32(byte), into: &out)
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    unicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ value: UInt32, into out: inout [UInt8]) {
        let hex = String(value, radix: 16)
        out += "\\u".utf8
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - hex.utf8.count))
        out += hex.utf8
    }
}

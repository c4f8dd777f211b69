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

    // Text is appended as whole buffers: appending a string's UTF-8 view, or
    // a repeated element, went byte by byte through generic code.
    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: JSONValue.put("null", into: &out)
        case .bool(let b): JSONValue.put(b ? "true" : "false", into: &out)
        case .int(let i): Rounded(units: i, decimals: 0).append(to: &out)  // its digits, without a String
        case .decimal(let d): d.append(to: &out)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { JSONValue.put("[]", into: &out); return }
            JSONValue.put("[\n", into: &out)
            for index in items.indices {
                JSONValue.pad(indent + 1, into: &out)
                items[index].write(into: &out, indent: indent + 1)
                JSONValue.put(index < items.count - 1 ? ",\n" : "\n", into: &out)
            }
            JSONValue.pad(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty { JSONValue.put("{}", into: &out); return }
            JSONValue.put("{\n", into: &out)
            for index in fields.indices {
                JSONValue.pad(indent + 1, into: &out)
                JSONValue.writeString(fields[index].0, into: &out)
                JSONValue.put(": ", into: &out)
                fields[index].1.write(into: &out, indent: indent + 1)
                JSONValue.put(index < fields.count - 1 ? ",\n" : "\n", into: &out)
            }
            JSONValue.pad(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func put(_ text: StaticString, into out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }


    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// Two spaces per level.
    private static func pad(_ level: Int, into out: inout [UInt8]) {
        var remaining = 2 * level
        while remaining > 0 {
            let now = min(remaining, spaces.count)
            spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<now])) }
            remaining -= now
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
            // Runs of bytes that need no escaping (nearly all) are copied whole.
            var start = 0, index = 0
            func flush() {
                if start < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
            }
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "\""): flush(); put("\\\"", into: &out)
                case UInt8(ascii: "\\"): flush(); put("\\\\", into: &out)
                case UInt8(ascii: "\n"): flush(); put("\\n", into: &out)
                case UInt8(ascii: "\r"): flush(); put("\\r", into: &out)
                case UInt8(ascii: "\t"): flush(); put("\\t", into: &out)
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20, 0x7F: flush(); unicodeEscape(UInt32(byte), into: &out)
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    flush()
                    unicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)
                    index += 2
                default:
                    index += 1
                    continue
                }
                index += 1
                start = index
            }
            flush()
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ value: UInt32, into out: inout [UInt8]) {
        let hex = String(value, radix: 16)
        put("\\u", into: &out)
        for _ in hex.utf8.count..<4 { out.append(UInt8(ascii: "0")) }
        out.append(utf8: hex)
    }
}

extension [UInt8] {
    /// A string's UTF-8 bytes, appended as one buffer (appending its `utf8`
    /// view goes byte by byte through generic code). For the data files.
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}

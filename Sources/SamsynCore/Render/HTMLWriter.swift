/// Writes HTML (and inline SVG) into a byte buffer. Every `String` that
/// reaches it — text or attribute value — is escaped (`&`, `<`, `>`, `"`, `'`);
/// markup itself can only be a `StaticString`, a constant in this source code.
/// So no value from the data can ever become markup, by construction.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16_384) {
        bytes.reserveCapacity(capacity)
    }

    /// Constant markup from the program itself.
    mutating func markup(_ constant: StaticString) {
        constant.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text from the data, escaped.
    mutating func text(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            case UInt8(ascii: "'"): append("&#39;")
            // NUL is not allowed in HTML; show it as the replacement character.
            case 0: append("\u{FFFD}")
            default: bytes.append(byte)
            }
        }
    }

    private mutating func append(_ constant: StaticString) {
        constant.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `<tag a="v" …>`; attributes whose value is nil are left out.
    mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
        append("<")
        append(tag)
        attributesList(attributes)
        append(">")
    }

    /// `<tag a="v" …/>`, for SVG shapes.
    mutating func empty(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
        append("<")
        append(tag)
        attributesList(attributes)
        append("/>")
    }

    private mutating func attributesList(_ attributes: KeyValuePairs<StaticString, String?>) {
        for (name, value) in attributes {
            guard let value else { continue }
            append(" ")
            append(name)
            append("=\"")
            text(value)
            append("\"")
        }
    }

    /// A boolean attribute written inside an `open` that ends with `>`.
    mutating func close(_ tag: StaticString) {
        append("</")
        append(tag)
        append(">")
    }

    /// `<tag …>text</tag>`.
    mutating func element(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], text value: String) {
        open(tag, attributes)
        text(value)
        close(tag)
    }

    /// A link when `href` is given, otherwise plain text.
    mutating func link(_ value: String, href: String?) {
        if let href {
            element("a", ["href": href], text: value)
        } else {
            text(value)
        }
    }

    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }
}

/// The writer's escaping for code outside this module (the preview server's error page).
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var writer = HTMLWriter(capacity: text.utf8.count + 16)
        writer.text(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

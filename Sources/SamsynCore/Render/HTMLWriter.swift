/// Writes HTML (and inline SVG) into a byte buffer. Every `String` that
/// reaches it — text or attribute value — is escaped (`&`, `<`, `>`, `"`, `'`);
/// markup itself can only be a `StaticString`, a constant in this source code.
/// So no value from the data can ever become markup, by construction.
///
/// A page is written in thousands of appends of a few bytes each, so the
/// writer keeps its own buffer (a bounds check and a copy per append; an
/// Array's `append(contentsOf:)` cost several times that). It cannot be
/// copied: one writer, one buffer, freed when the writer goes.
struct HTMLWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int = 16_384) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// What has been written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    private mutating func append(_ source: UnsafeRawBufferPointer) {
        guard let start = source.baseAddress, source.count > 0 else { return }
        if count + source.count > capacity { grow(to: count + source.count) }
        (base + count).update(from: start.assumingMemoryBound(to: UInt8.self), count: source.count)
        count += source.count
    }

    private mutating func append(byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Constant markup from the program itself.
    mutating func markup(_ constant: StaticString) {
        append(constant)
    }

    /// Text from the data, escaped. Runs of bytes that need no escaping are
    /// copied whole (most text has none to escape).
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { text in
            var start = 0
            for index in 0..<text.count {
                let byte = text[index]
                // Every byte to escape is below "?": letters and the bytes of
                // longer characters pass with one comparison.
                if byte > UInt8(ascii: ">") { continue }
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                // NUL is not allowed in HTML; show it as the replacement character.
                case 0: replacement = "\u{FFFD}"
                default: continue
                }
                if start < index { append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[start..<index]))) }
                append(replacement)
                start = index + 1
            }
            if start < text.count { append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[start...]))) }
        }
    }

    private mutating func append(_ constant: StaticString) {
        constant.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
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
        for (name, value) in attributes { attribute(name, value) }
    }

    /// ` name="value"` inside a tag opened with `markup` (nothing when the value is nil):
    /// for the hottest loops, which would otherwise build a list of attributes per cell.
    mutating func attribute(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        append(" ")
        append(name)
        append("=\"")
        text(value)
        append("\"")
    }

    /// `</tag>`.
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
    /// (Written with `attribute` rather than `element`: links fill every table row.)
    mutating func link(_ value: String, href: String?) {
        guard let href else { return text(value) }
        append("<a")
        attribute("href", href)
        append(">")
        text(value)
        append("</a>")
    }

    mutating func newline() { append(byte: UInt8(ascii: "\n")) }

    /// What has been written, kept to be written again.
    var written: WrittenHTML { WrittenHTML(bytes: bytes) }

    /// Markup a writer wrote earlier, copied as it is.
    mutating func append(_ written: WrittenHTML) {
        written.bytes.withUnsafeBytes { append($0) }
    }
}

/// HTML that an `HTMLWriter` wrote, to be written again unchanged: the
/// frame every page of a site shares is written once, not once a page. Only
/// a writer makes one, so it holds escaped text and the program's own
/// markup, never a raw value from the data.
struct WrittenHTML: Sendable {
    fileprivate let bytes: [UInt8]
}

/// The writer's escaping for code outside this module (the preview server's error page).
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var writer = HTMLWriter(capacity: text.utf8.count + 16)
        writer.text(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

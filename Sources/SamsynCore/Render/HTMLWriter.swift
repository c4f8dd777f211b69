import Foundation

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

    /// What has been written, as an array of its own.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// What has been written, lent in place for the time of the call.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

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
        // A native string's storage ends in a NUL, so `withCString` lends it
        // in place, and the C library's `strcspn` finds the next byte to
        // replace 16 bytes at a time (SSE4.2 on x86-64). It stops at a NUL
        // as well, which is replaced too, so a NUL inside the text is no end:
        // only reaching `count` is.
        let count = value.utf8.count
        guard count > 0 else { return }
        let replaced = UnsafeRawPointer(HTMLWriter.replaced.utf8Start).assumingMemoryBound(to: CChar.self)
        value.withCString { text in
            var start = 0
            while true {
                let run = strcspn(text + start, replaced)
                if run > 0 { append(UnsafeRawBufferPointer(start: text + start, count: run)) }
                let index = start + run
                guard index < count else { return }
                switch UInt8(bitPattern: text[index]) {
                case UInt8(ascii: "&"): append("&amp;")
                case UInt8(ascii: "<"): append("&lt;")
                case UInt8(ascii: ">"): append("&gt;")
                case UInt8(ascii: "\""): append("&quot;")
                case UInt8(ascii: "'"): append("&#39;")
                // NUL is not allowed in HTML; show it as the replacement character.
                default: append("\u{FFFD}")
                }
                start = index + 1
            }
        }
    }

    /// The bytes `text` replaces besides NUL, as a C string for `strcspn`
    /// (a string literal's bytes end in a NUL).
    private static let replaced: StaticString = "&<>\"'"

    @inline(__always)
    private mutating func append(_ constant: StaticString) {
        // Every string literal of the source has its bytes in the binary; only
        // a single-character constant may be stored as its scalar instead.
        if constant.hasPointerRepresentation {
            append(UnsafeRawBufferPointer(start: constant.utf8Start, count: constant.utf8CodeUnitCount))
        } else {
            constant.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
        }
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
    mutating func element(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?>, text value: String) {
        open(tag, attributes)
        text(value)
        close(tag)
    }

    /// `<tag>text</tag>`, without a list of attributes to make and free
    /// (headings, paragraphs, captions: several on every page).
    mutating func element(_ tag: StaticString, text value: String) {
        append("<")
        append(tag)
        append(">")
        text(value)
        close(tag)
    }

    /// `<tag name="value">text</tag>`, with one attribute and no list of them.
    mutating func element(_ tag: StaticString, _ name: StaticString, _ attributeValue: String?, text value: String) {
        append("<")
        append(tag)
        attribute(name, attributeValue)
        append(">")
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

    /// How many bytes have been written so far: where the next one goes.
    var byteCount: Int { count }

    /// Markup a writer wrote earlier, copied as it is (but the bytes it leaves out).
    mutating func append(_ written: WrittenHTML) {
        written.bytes.withUnsafeBytes { all in
            let cut = written.leftOut
            if cut.isEmpty { return append(all) }
            append(UnsafeRawBufferPointer(rebasing: all[..<cut.lowerBound]))
            append(UnsafeRawBufferPointer(rebasing: all[cut.upperBound...]))
        }
    }
}

/// HTML that an `HTMLWriter` wrote, to be written again unchanged: the
/// frame every page of a site shares is written once, not once a page. Only
/// a writer makes one, so it holds escaped text and the program's own
/// markup, never a raw value from the data.
struct WrittenHTML: Sendable {
    fileprivate let bytes: [UInt8]
    /// Bytes left out when this is written again.
    fileprivate var leftOut: Range<Int> = 0..<0

    /// The same but the bytes in `cut` (a whole element the writer wrote,
    /// such as one cell of a row). The two share one copy of the bytes: a
    /// national site keeps every activity's row with and without its
    /// meeting type, and a second copy of each was some 35 MB of its memory.
    func leavingOut(_ cut: Range<Int>) -> WrittenHTML {
        precondition(leftOut.isEmpty && cut.lowerBound >= 0 && cut.upperBound <= bytes.count, "WrittenHTML: cut outside what was written")
        return WrittenHTML(bytes: bytes, leftOut: cut)
    }
}

/// The writer's escaping for code outside this module (the preview server's error page).
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var writer = HTMLWriter(capacity: text.utf8.count + 16)
        writer.text(text)
        return writer.withBytes { String(decoding: $0, as: UTF8.self) }
    }
}

/// Every word the site shows, in Swedish and English, and the number and
/// date formats that go with each language.
public struct Localization: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    var sv: Bool { language == .sv }

    /// "0" to "999": each fits in a string's own sixteen bytes, so the table holds no storage of its own.
    private static let belowAThousand: [String] = (0..<1000).map { String($0) }

    /// Decimal comma in Swedish, point in English; a non-breaking thin space
    /// groups thousands in Swedish, a comma in English.
    public func number(_ n: Int) -> String {
        // Most numbers a site shows are counts under a thousand, the same in
        // both languages: made once (each was some 200 instructions, half a
        // million times on a national site; docs/performance.md, change 104).
        if n >= 0 && n < Localization.belowAThousand.count { return Localization.belowAThousand[n] }
        let digits = String(n.magnitude)
        // Most numbers on a page are below 1 000: no grouping to do.
        guard digits.utf8.count > 3 else { return n < 0 ? "−" + digits : digits }
        var grouped = n < 0 ? "−" : ""
        for (i, digit) in digits.utf8.enumerated() {
            if i > 0, (digits.utf8.count - i) % 3 == 0 { grouped += sv ? "\u{202F}" : "," }
            grouped.unicodeScalars.append(Unicode.Scalar(digit))
        }
        return grouped
    }

    public func decimal(_ d: Rounded) -> String {
        let text = d.text(separator: sv ? "," : ".")
        // The sign read from the number, not from the text (a string's
        // prefix test cost more than writing the digits).
        return d.units < 0 ? "−" + text.dropFirst() : text
    }

    /// A share as a whole percentage: 0.625 → "63 %" (sv) / "63%" (en).
    public func percent(_ share: Rounded) -> String {
        let whole = Exact(share.units * 100, pow10(share.decimals)).rounded(decimals: 0).units
        return sv ? "\(number(whole))\u{00A0}%" : "\(number(whole))%"
    }

    private func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }

    static let monthsSV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
                           "oktober", "november", "december"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December"]
    static let shortSV = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    static let shortEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "15 maj 2024" / "15 May 2024".
    public func date(_ day: Day) -> String {
        // Written byte by byte into a string of its exact size: interpolation
        // cost several hundred instructions a date, and tables are full of
        // dates. Exact, so that a date of 15 bytes or fewer ("1 maj 2024")
        // is kept in the string itself: asked for more room, every date was
        // an allocation (docs/performance.md, change 121).
        let month = (sv ? Localization.monthsSV : Localization.monthsEN)[day.month - 1].utf8
        let yearDigits = day.year < 10 ? 1 : day.year < 100 ? 2 : day.year < 1000 ? 3 : 4
        return String(unsafeUninitializedCapacity: (day.day < 10 ? 1 : 2) + 1 + month.count + 1 + yearDigits) { text in
            var at = 0
            func put(_ number: Int) {
                var divisor = 1
                while divisor * 10 <= number { divisor *= 10 }
                while divisor > 0 {
                    text[at] = UInt8(ascii: "0") + UInt8(number / divisor % 10)
                    at += 1
                    divisor /= 10
                }
            }
            put(day.day)
            text[at] = UInt8(ascii: " ")
            at += 1
            for byte in month { text[at] = byte; at += 1 }
            text[at] = UInt8(ascii: " ")
            at += 1
            put(day.year)
            return at
        }
    }

    /// "maj 2024" / "May 2024".
    public func month(_ day: Day) -> String {
        "\((sv ? Localization.shortSV : Localization.shortEN)[day.month - 1]) \(day.year)"
    }

    public func period(_ from: Day, _ to: Day?) -> String {
        guard let to else { return sv ? "från \(date(from))" : "from \(date(from))" }
        return "\(date(from)) – \(date(to))"
    }

    /// A word by key; the key itself when it is missing (tests catch that).
    public subscript(_ key: String) -> String {
        (sv ? Catalog.sv : Catalog.en)[key] ?? key
    }

    public func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(number(n)) \(n == 1 ? self[one] : self[many])"
    }

    public func status(_ status: Agreement.Status) -> String { self["status." + status.rawValue] }
    public func principle(_ p: Principle) -> String { self["principle." + p.rawValue] }
    public func meetingType(_ t: Activity.MeetingType) -> String { self["meeting." + t.rawValue] }
    public func method(_ m: Activity.Method) -> String { self["method." + m.rawValue] }
    public func scope(_ s: Agreement.Scope) -> String { self["scope." + s.rawValue] }
    public func kind(_ k: Activity.Kind) -> String { self["kind." + k.rawValue] }
    public func orgType(_ t: Organisation.Kind) -> String { self["orgtype." + t.rawValue] }

    /// Every case's word (or other value), worked out once: for the `Words`
    /// a kind of page looks up once per site instead of once per page.
    static func everyCase<Key: CaseIterable & Equatable & Sendable, Value: Sendable>(_ value: (Key) -> Value) -> CaseTable<Key, Value> {
        CaseTable(value)
    }
}

/// A value for each case of an enumeration, found by the case's place
/// among all cases: a `Dictionary` hashed the case at every look-up, and
/// every activity and agreement page looks up several.
struct CaseTable<Key: CaseIterable & Equatable & Sendable, Value: Sendable>: Sendable {
    private let keys: [Key]
    private let values: [Value]

    init(_ value: (Key) -> Value) {
        keys = Array(Key.allCases)
        values = keys.map(value)
    }

    /// Never nil for a case of `Key`; optional as a dictionary's look-up is.
    subscript(key: Key) -> Value? {
        keys.firstIndex(of: key).map { values[$0] }
    }
}

/// An exact rational number. Means and ratios are computed with these and
/// rounded once at the end, so a mean of 25/8 really is 3.125 and rounds to
/// 3.13 (a binary float could hold 3.12499… and round the wrong way).
public struct Exact: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "Exact: zero denominator")
        let sign = denominator < 0 ? -1 : 1
        let divisor = Exact.gcd(abs(numerator), abs(denominator))
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    /// Parses a plain decimal such as `12`, `1.5` or `0.25`. Nil for anything else.
    public init?(decimal text: String) {
        // Byte by byte (a national project reads tens of thousands of these):
        // digits, at most one point with digits on both sides, 15 characters
        // at most, so the value always fits.
        var whole = 0, scale = 1, digits = 0, count = 0, afterPoint = false
        for byte in text.utf8 {
            count += 1
            guard count <= 15 else { return nil }
            if byte == UInt8(ascii: ".") {
                guard !afterPoint, digits > 0 else { return nil }
                afterPoint = true
                digits = 0
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            whole = whole * 10 + Int(digit)
            digits += 1
            if afterPoint { scale *= 10 }
        }
        guard digits > 0 else { return nil }
        self.init(whole, scale)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    public static let zero = Exact(0)

    public static func + (a: Exact, b: Exact) -> Exact {
        Exact(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Exact, b: Exact) -> Exact {
        Exact(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func * (a: Exact, b: Exact) -> Exact {
        Exact(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    public static func / (a: Exact, b: Exact) -> Exact {
        Exact(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    public static func < (a: Exact, b: Exact) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// The mean of some integers; nil for none.
    public static func mean<S: Sequence>(_ values: S) -> Exact? where S.Element == Int {
        var sum = 0, count = 0
        for value in values { sum += value; count += 1 }
        return count == 0 ? nil : Exact(sum, count)
    }

    /// The mean of exact values; nil for none.
    public static func mean(_ values: [Exact]) -> Exact? {
        values.isEmpty ? nil : values.reduce(.zero, +) / Exact(values.count)
    }

    /// Rounded to `decimals` places, half away from zero, as the indicator
    /// contract requires.
    public func rounded(decimals: Int) -> Rounded {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = abs(numerator) * scale
        var units = scaled / denominator
        // Half away from zero: compare twice the remainder with the denominator.
        if 2 * (scaled % denominator) >= denominator { units += 1 }
        return Rounded(units: numerator < 0 ? -units : units, decimals: decimals)
    }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}

/// A number already rounded to a fixed number of decimals: `units` × 10^-decimals.
/// It prints without trailing zeros (3.5, not 3.50), as the contract asks.
public struct Rounded: Hashable, Sendable, CustomStringConvertible {
    public let units: Int
    public let decimals: Int

    /// The shortest exact text, with `separator` as the decimal mark
    /// ("." for JSON, "," for Swedish spreadsheets and pages).
    public func text(separator: String = ".") -> String {
        // Digits written straight into the string's bytes, from integer
        // arithmetic: this runs for every chart coordinate and decimal cell
        // of the site, and building it from `String(Int)` pieces cost about
        // 500 instructions a number.
        let layout = self.layout
        let mark = layout.width > 0 ? separator.utf8.count : 0
        return String(unsafeUninitializedCapacity: layout.count(mark: mark)) { bytes in
            layout.write(to: bytes.baseAddress!, mark: separator.utf8)
        }
    }

    /// The same text appended to `bytes`, with one ASCII `separator`: for
    /// texts made of many numbers (a chart's points, a CSV or JSON file),
    /// where a `String` for each number cost more than writing its digits.
    public func append(to bytes: inout [UInt8], separator: UInt8 = UInt8(ascii: ".")) {
        let layout = self.layout
        let count = layout.count(mark: layout.width > 0 ? 1 : 0)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            let written = layout.write(to: buffer.baseAddress!, mark: CollectionOfOne(separator))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<written]))
        }
    }

    /// Where the digits go: the sign, the whole part's digits, and the
    /// fraction without its trailing zeros (`width` digits, none for a whole number).
    private struct Layout {
        var negative: Bool
        var whole: UInt
        var wholeDigits: Int
        var fraction: UInt
        var width: Int

        func count(mark: Int) -> Int { (negative ? 1 : 0) + wholeDigits + (width > 0 ? mark + width : 0) }

        /// Writes the text at `start` (room for `count(mark:)` bytes) and returns how many bytes it wrote.
        @discardableResult
        func write(to start: UnsafeMutablePointer<UInt8>, mark: some Sequence<UInt8>) -> Int {
            let sign = negative ? 1 : 0
            if negative { start[0] = UInt8(ascii: "-") }
            var value = whole
            for index in stride(from: sign + wholeDigits - 1, through: sign, by: -1) {
                start[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            guard width > 0 else { return sign + wholeDigits }
            var at = sign + wholeDigits
            for byte in mark { start[at] = byte; at += 1 }
            value = fraction
            for index in stride(from: at + width - 1, through: at, by: -1) {
                start[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            return at + width
        }
    }

    private var layout: Layout {
        var scale: UInt = 1
        for _ in 0..<decimals { scale *= 10 }
        let whole = units.magnitude / scale
        var fraction = units.magnitude % scale, width = decimals
        if fraction > 0 {
            while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        } else {
            width = 0
        }
        var wholeDigits = 1, rest = whole / 10
        while rest > 0 { wholeDigits += 1; rest /= 10 }
        return Layout(negative: units < 0, whole: whole, wholeDigits: wholeDigits, fraction: fraction, width: width)
    }

    public var description: String { text() }

    public var doubleValue: Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return Double(units) / scale
    }
}

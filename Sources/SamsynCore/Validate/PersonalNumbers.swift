/// Finds Swedish personal identity numbers (personnummer and
/// samordningsnummer) in text, so that none is ever published. The whole raw
/// text of every file is searched, comments included.
///
/// A candidate is a run of digits, not touching other digits, in one of the
/// forms YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDDNNNN or YYYYMMDD-NNNN. It is a hit
/// when its date is a real calendar date (the day may be raised by 60 for a
/// samordningsnummer) and the last digit is the Luhn check digit of the other
/// nine (YYMMDDNNN). Organisation numbers are not hits: their third digit is
/// 2 or more, so "month" 20–99 is never a real month.
public enum PersonalNumbers {
    public struct Hit: Equatable, Sendable {
        /// 1-based line and column (in Unicode scalars, as libyaml counts).
        public var line: Int
        public var column: Int
        public var text: String
    }

    /// Works on the UTF-8 bytes: every character of a candidate (digits, `-`,
    /// `+`) is ASCII, and no byte of a longer character is one of them, so
    /// the bytes give the same candidates as the characters — without first
    /// decoding every file into a list of scalars.
    public static func find(in text: String) -> [Hit] {
        var text = text
        return text.withUTF8(find)
    }

    /// The same, in UTF-8 bytes (a file's text as the loader keeps it).
    public static func find(in bytes: [UInt8]) -> [Hit] {
        bytes.withUnsafeBufferPointer(find)
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>) -> [Hit] {
        var hits: [Hit] = []
        // Lines are counted only up to a hit, from the one before: most
        // files have none, and counting every line break of every file
        // was half of the search.
        guard let base = bytes.baseAddress else { return hits }
        var line = 1, lineStart = 0, counted = 0
        var i = 0
        while i < bytes.count {
            // Eight bytes at a time while none of them is a digit.
            if i + 8 <= bytes.count, !holdsDigit(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            // Every digit reached here starts a run: the byte before it is
            // not a digit (runs are passed over whole, and a hit ends
            // where its digits end).
            guard isDigit(base[i]) else { i += 1; continue }
            guard let length = match(bytes, at: i) else {
                i += 1
                while i < bytes.count, isDigit(base[i]) { i += 1 }
                continue
            }
            for j in counted..<i where bytes[j] == UInt8(ascii: "\n") {
                line += 1
                lineStart = j + 1
            }
            counted = i
            // Columns count scalars: every byte but UTF-8's continuation bytes starts one.
            let column = bytes[lineStart..<i].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            hits.append(Hit(line: line, column: column,
                            text: String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self)))
            i += length
        }
        return hits
    }

    /// Whether one string, as a whole, is a personal identity number.
    public static func isPersonalNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { match($0, at: 0) == $0.count }
    }

    private static func isDigit(_ c: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) }

    /// Whether any of eight bytes is an ASCII digit, tested on all eight at
    /// once ("hasbetween" from Sean Eron Anderson's Bit Twiddling Hacks: a
    /// byte's low seven bits are compared with '0' − 1 and '9' + 1 without
    /// borrows or carries between bytes, and bytes of 128 and more are left
    /// out). Exact: true when one of them is a digit, and only then.
    @inline(__always)
    static func holdsDigit(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = word & (ones &* 127)
        let belowTop = (ones &* (127 + UInt64(UInt8(ascii: "9") + 1))) &- low
        let aboveBottom = low &+ (ones &* (127 - UInt64(UInt8(ascii: "0") - 1)))
        return belowTop & ~word & aboveBottom & (ones &* 128) != 0
    }

    /// The length of a valid number starting at `start`, or nil.
    private static func match(_ s: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var digits = 0
        while start + digits < s.count, isDigit(s[start + digits]) { digits += 1 }
        func value(_ from: Int, _ count: Int) -> [Int] {
            (from..<(from + count)).map { Int(s[$0]) - 48 }
        }
        func endsCleanly(_ end: Int) -> Bool { end >= s.count || !isDigit(s[end]) }

        switch digits {
        case 12: // YYYYMMDDNNNN
            let d = value(start, 12)
            return isValid(century: d[0] * 10 + d[1], digits: Array(d[2...])) ? 12 : nil
        case 8: // YYYYMMDD-NNNN
            guard start + 13 <= s.count, s[start + 8] == UInt8(ascii: "-") else { return nil }
            guard (9..<13).allSatisfy({ isDigit(s[start + $0]) }), endsCleanly(start + 13) else { return nil }
            let d = value(start, 8) + value(start + 9, 4)
            return isValid(century: d[0] * 10 + d[1], digits: Array(d[2...])) ? 13 : nil
        case 6: // YYMMDD-NNNN or YYMMDD+NNNN
            guard start + 11 <= s.count, s[start + 6] == UInt8(ascii: "-") || s[start + 6] == UInt8(ascii: "+") else { return nil }
            guard (7..<11).allSatisfy({ isDigit(s[start + $0]) }), endsCleanly(start + 11) else { return nil }
            let d = value(start, 6) + value(start + 7, 4)
            return isValid(century: nil, digits: d) ? 11 : nil
        default:
            return nil
        }
    }

    /// `digits` are the ten digits YYMMDDNNNC. With no century (the short
    /// forms), the date is accepted if it is real in either 19YY or 20YY.
    static func isValid(century: Int?, digits d: [Int]) -> Bool {
        let yy = d[0] * 10 + d[1], month = d[2] * 10 + d[3]
        var day = d[4] * 10 + d[5]
        if day > 60 { day -= 60 } // samordningsnummer
        let years = century.map { [$0 * 100 + yy] } ?? [1900 + yy, 2000 + yy]
        guard years.contains(where: { Day(year: $0, month: month, day: day) != nil }) else { return false }
        return luhnCheckDigit(Array(d[0..<9])) == d[9]
    }

    static func luhnCheckDigit(_ digits: [Int]) -> Int {
        var sum = 0
        for (index, digit) in digits.enumerated() {
            let product = digit * (index % 2 == 0 ? 2 : 1)
            sum += product / 10 + product % 10
        }
        return (10 - sum % 10) % 10
    }
}

/// A calendar date with no time and no time zone: every date in the data
/// format is a day, and indicators are computed "as of" a day.
/// Arithmetic goes through a day number so that no clock or calendar
/// library (with its time zones) is involved.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for impossible dates such as 2024-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; anything else (times, other separators) is nil.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`, written digit by digit (it is every table's sort key for
    /// a date, so a national site writes it hundreds of thousands of times).
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { write(to: $0.baseAddress!) }
    }

    /// The same ten bytes appended to `bytes` (a data file's cell), without a `String`.
    func append(to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<write(to: buffer.baseAddress!)]))
        }
    }

    /// Writes `YYYY-MM-DD` at `text` (room for ten bytes) and returns ten.
    private func write(to text: UnsafeMutablePointer<UInt8>) -> Int {
        func put(_ value: Int, at end: Int, width: Int) {
            var value = value
            for index in stride(from: end - 1, through: end - width, by: -1) {
                text[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(year, at: 4, width: 4)
        text[4] = UInt8(ascii: "-")
        put(month, at: 7, width: 2)
        text[7] = UInt8(ascii: "-")
        put(day, at: 10, width: 2)
        return 10
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var daysInYear: Int { Day.isLeap(year) ? 366 : 365 }

    /// 1 for 1 January.
    public var dayOfYear: Int {
        (1..<month).reduce(0) { $0 + Day.daysIn(month: $1, year: year) } + day
    }

    /// Days since a fixed epoch (proleptic Gregorian); only differences matter.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(dayNumber: dayNumber + days) }

    /// Calendar months later, keeping the day of month but clamped to the
    /// target month's last day: 2024-08-31 + 6 months = 2025-02-28.
    public func adding(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let y = index / 12
        let m = index % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))!
    }

    /// The calendar year as the indicators write it ("2024").
    public var yearKey: String { Day.yearKey(year) }
    static func yearKey(_ year: Int) -> String { String(year) }
}

/// WCAG 2.1 contrast ratio of a `#rrggbb` colour against white, so that a
/// project's accent colour can never make its links unreadable.
enum Contrast {
    static let minimumForText = 4.5

    static func againstWhite(_ hex: String) -> Double? {
        let digits = Array(hex.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#"),
              let value = Int(String(hex.dropFirst()), radix: 16) else { return nil }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return 1.05 / (luminance + 0.05)
    }

    static func describe(_ ratio: Double) -> String {
        Rounded(units: Int((ratio * 100).rounded()), decimals: 2).text()
    }
}

import Foundation

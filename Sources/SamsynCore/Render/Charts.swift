import Foundation

/// Chart geometry, computed in Swift and drawn as inline SVG by `ChartDrawing`.
/// Every chart is a figure: a caption with the key message, the graphic (with
/// text labels as well as colour), and the same data as a table. Coordinates
/// are rounded to one decimal so that the output is byte-stable.
enum Charts {
    /// "12.5" — one decimal at most, never "-0".
    static func n(_ value: Double) -> String {
        rounded(value).text()
    }

    private static func rounded(_ value: Double) -> Rounded {
        Rounded(units: Int((value * 10).rounded()), decimals: 1)
    }

    /// An SVG points list, "x,y x,y …", with each coordinate as `n` writes
    /// it, built as bytes in one buffer: a string for each coordinate, and
    /// one for each pair, joined, cost some 2 600 instructions a point, and
    /// the subprojects' line charts have one for every self-assessment round.
    static func points(_ count: Int, _ point: (Int) -> (x: Double, y: Double)) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 12)
        for index in 0..<count {
            if index > 0 { bytes.append(UInt8(ascii: " ")) }
            let (x, y) = point(index)
            rounded(x).append(to: &bytes)
            bytes.append(UInt8(ascii: ","))
            rounded(y).append(to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A readable step for an axis from 0 to `maximum` with about four ticks.
    static func niceStep(_ maximum: Int) -> Int {
        guard maximum > 4 else { return 1 }
        let raw = Double(maximum) / 4
        var magnitude = 1
        while Double(magnitude * 10) <= raw { magnitude *= 10 }
        for factor in [1, 2, 5, 10] where Double(factor * magnitude) >= raw { return factor * magnitude }
        return 10 * magnitude
    }

    /// Labels longer than this are shortened in the graphic (the table beside it has them whole).
    static let maxLabelCharacters = 36

    static func fit(_ label: String) -> String {
        label.count <= maxLabelCharacters ? label : String(label.prefix(maxLabelCharacters - 1)) + "…"
    }

    /// Room for the longest label at the chart's 14px text (about 8.4px a character).
    static func labelWidth(_ labels: [String]) -> Double {
        let longest = labels.map { min($0.count, maxLabelCharacters) }.max() ?? 10
        return max(100, Double(longest) * 8.4 + 14)
    }

    struct Series: Sendable {
        var name: String
        var values: [Int]
    }

    /// Lines over time, one per series, with a marker shape per series and the
    /// series name at the end of its line. `axis` fixes the range and step (a
    /// rating scale); by default it runs from 0 to a rounded maximum.
    static func line(labels: [String], series: [Series], firstColumn: String, l: Localization,
                     axis: (low: Int, high: Int, step: Int)? = nil, format: ((Int) -> String)? = nil) -> (LineChart, DataTable) {
        let format = format ?? { l.number($0) }
        let width = 640.0, height = 260.0, left = 44.0, right = 130.0, top = 16.0, bottom = 36.0
        let maximum = max(series.flatMap(\.values).max() ?? 0, 1)
        let step = axis?.step ?? niceStep(maximum)
        let low = axis?.low ?? 0
        let high = axis?.high ?? ((maximum + step - 1) / step) * step
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ i: Int) -> Double { labels.count <= 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(labels.count - 1) }
        func y(_ v: Int) -> Double { top + plotH * (1 - Double(v - low) / Double(max(high - low, 1))) }

        var chart = LineChart(width: n(width), height: n(height), axisX1: n(left), axisX2: n(left + plotW), axisY: n(top + plotH))
        chart.yTicks = stride(from: low, through: high, by: step).map { v in
            .init(y: n(y(v)), labelY: n(y(v) + 4), labelX: n(left - 6), label: format(v))
        }
        // At most about six x labels, always the first and the last.
        let every = max(1, (labels.count + 5) / 6)
        chart.xTicks = labels.indices.filter { $0 % every == 0 || $0 == labels.count - 1 }
            .filter { i in i == labels.count - 1 || labels.count - 1 - i >= (every * 2 + 2) / 3 }
            .map { i in .init(x: n(x(i)), y: n(height - bottom + 18), label: labels[i]) }
        chart.series = series.enumerated().map { index, s in
            let markerEvery = max(1, s.values.count / 12)
            let markers = s.values.enumerated().filter { $0.offset % markerEvery == 0 || $0.offset == s.values.count - 1 }
                .map { LineChart.Marker(x: x($0.offset), y: y($0.element)) }
            return .init(index: index, name: s.name,
                         points: points(s.values.count) { (x($0), y(s.values[$0])) },
                         markers: markers, labelX: n(x(max(s.values.count - 1, 0)) + 8), labelY: "")
        }
        // Series names sit at the end of their lines; push them apart so none overlap.
        var labelYs = series.indices.map { ($0, y(series[$0].values.last ?? 0) + 4) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        for i in labelYs.indices.dropFirst() where labelYs[i].1 < labelYs[i - 1].1 + 13 {
            labelYs[i].1 = labelYs[i - 1].1 + 13
        }
        for (index, ly) in labelYs { chart.series[index].labelY = n(ly) }
        let data = DataTable(head: [firstColumn] + series.map(\.name),
                             rows: labels.indices.map { i in (labels[i], series.map { format($0.values[i]) }) })
        return (chart, data)
    }

    struct Bar: Sendable {
        var label: String
        var value: Int
        var target: Int?
        var valueText: String
    }

    /// Horizontal bars with an optional target mark (a vertical tick).
    static func bars(_ bars: [Bar], nameHead: String, valueHead: String, l: Localization) -> (BarChart, DataTable) {
        let labelW = labelWidth(bars.map(\.label))
        let rowH = 30.0, width = labelW + 450, right = 100.0
        let maximum = max(bars.map { max($0.value, $0.target ?? 0) }.max() ?? 0, 1)
        let plotW = width - labelW - right
        func x(_ v: Int) -> Double { labelW + plotW * Double(v) / Double(maximum) }
        var chart = BarChart(width: n(width), height: n(16 + Double(bars.count) * rowH), axisX: n(labelW))
        chart.bars = bars.enumerated().map { i, bar in
            let y = 8 + Double(i) * rowH
            return .init(label: fit(bar.label), labelX: n(labelW - 8), textY: n(y + 15), x: n(labelW), y: n(y + 4),
                         width: n(max(x(bar.value) - labelW, bar.value > 0 ? 1.5 : 0)), height: n(rowH - 12),
                         valueX: n(x(max(bar.value, bar.target ?? 0)) + 6), value: bar.valueText,
                         met: bar.target.map { bar.value >= $0 } ?? false,
                         target: bar.target.map { .init(x: n(x($0)), y1: n(y), y2: n(y + rowH - 4)) })
        }
        let data = DataTable(head: [nameHead, valueHead, l["target"]],
                             rows: bars.map { ($0.label, [$0.valueText, $0.target.map(l.number) ?? l["dash"]]) })
        return (chart, data)
    }

    /// A radar (spider) chart of the self-assessment questions: the first and
    /// the latest round as two outlines, dashed and solid, with the scale's rings.
    static func radar(axes: [String], first: [Exact?]?, latest: [Exact?], scale: ClosedRange<Int>,
                      firstName: String, latestName: String, l: Localization) -> RadarChart {
        // Wide enough for the axis names on either side ("Parallella insatser").
        let width = 620.0, size = 430.0, cx = 310.0, cy = 200.0, radius = 125.0
        let count = max(axes.count, 3)
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            let r = radius * (value - Double(scale.lowerBound)) / Double(scale.upperBound - scale.lowerBound)
            return (cx + r * cos(angle), cy + r * sin(angle))
        }
        func polygon(_ values: [Exact?]) -> String {
            points(values.count) { i in
                point(i, values[i].map { Double($0.numerator) / Double($0.denominator) } ?? Double(scale.lowerBound))
            }
        }
        var chart = RadarChart(width: n(width), height: n(size), cx: n(cx), cy: n(cy))
        chart.rings = Array(scale).map { level in
            .init(points: points(count) { point($0, Double(level)) },
                  label: l.number(level), labelX: n(cx + 4), labelY: n(point(0, Double(level)).1 - 3))
        }
        chart.spokes = axes.enumerated().map { i, name in
            let (x, y) = point(i, Double(scale.upperBound))
            let (lx, ly) = point(i, Double(scale.upperBound) + Double(scale.upperBound - scale.lowerBound) * 0.16)
            let anchor = abs(lx - cx) < 5 ? "middle" : (lx > cx ? "start" : "end")
            return .init(x: n(x), y: n(y), labelX: n(lx), labelY: n(ly + 4), label: name, anchor: anchor)
        }
        if let first { chart.outlines.append(.init(points: polygon(first), first: true, name: firstName)) }
        chart.outlines.append(.init(points: polygon(latest), first: false, name: latestName))
        for (i, outline) in chart.outlines.enumerated() {
            chart.legend.append(.init(name: outline.name, y: n(size - 14 - Double(chart.outlines.count - 1 - i) * 18), first: outline.first))
        }
        return chart
    }

    struct Span {
        var label: String
        var start: Day
        var end: Day?
        var inForce: Bool
    }

    /// Validity periods as bars on a time axis, with a line at the as-of date.
    static func timeline(_ spans: [Span], from: Day, to: Day, asOf: Day) -> TimelineChart {
        let labelW = labelWidth(spans.map(\.label))
        let rowH = 26.0, width = labelW + 450, right = 16.0, top = 24.0
        let first = min(from.dayNumber, spans.map(\.start.dayNumber).min() ?? from.dayNumber)
        let last = max(to.dayNumber, asOf.dayNumber)
        let plotW = width - labelW - right
        func x(_ day: Day) -> Double {
            labelW + plotW * Double(min(max(day.dayNumber, first), last) - first) / Double(max(last - first, 1))
        }
        let bottom = top + Double(spans.count) * rowH
        var chart = TimelineChart(width: n(width), height: n(bottom + 8), asOfX: n(x(asOf)), bottom: n(bottom))
        chart.rows = spans.enumerated().map { i, span in
            let y = top + Double(i) * rowH
            let x1 = x(span.start), x2 = span.end.map(x) ?? (labelW + plotW)
            return .init(label: fit(span.label), labelX: n(labelW - 8), textY: n(y + 13), x: n(x1), y: n(y + 3),
                         width: n(max(x2 - x1, 2)), height: n(rowH - 10), inForce: span.inForce, open: span.end == nil)
        }
        var year = Day(dayNumber: first).year + 1
        while let jan = Day(year: year, month: 1, day: 1), jan.dayNumber <= last {
            chart.years.append(.init(x: n(x(jan)), label: String(year)))
            year += 1
        }
        return chart
    }
}

struct LineChart: Sendable {
    struct YTick: Sendable { var y, labelY, labelX, label: String }
    struct XTick: Sendable { var x, y, label: String }
    struct Marker: Sendable { var x, y: Double }
    struct Series: Sendable {
        var index: Int
        var name: String
        var points: String
        var markers: [Marker]
        var labelX: String
        var labelY: String
    }

    var width, height, axisX1, axisX2, axisY: String
    var yTicks: [YTick] = []
    var xTicks: [XTick] = []
    var series: [Series] = []
}

struct BarChart: Sendable {
    struct Target: Sendable { var x, y1, y2: String }
    struct Bar: Sendable {
        var label, labelX, textY, x, y, width, height, valueX, value: String
        var met: Bool
        var target: Target?
    }

    var width, height, axisX: String
    var bars: [Bar] = []
}

struct RadarChart: Sendable {
    struct Ring: Sendable { var points, label, labelX, labelY: String }
    struct Spoke: Sendable { var x, y, labelX, labelY, label, anchor: String }
    struct Outline: Sendable { var points: String; var first: Bool; var name: String }
    struct Legend: Sendable { var name, y: String; var first: Bool }

    var width, height, cx, cy: String
    var rings: [Ring] = []
    var spokes: [Spoke] = []
    var outlines: [Outline] = []
    var legend: [Legend] = []
}

struct TimelineChart: Sendable {
    struct Row: Sendable {
        var label, labelX, textY, x, y, width, height: String
        var inForce, open: Bool
    }
    struct Year: Sendable { var x, label: String }

    var width, height, asOfX, bottom: String
    var rows: [Row] = []
    var years: [Year] = []
}

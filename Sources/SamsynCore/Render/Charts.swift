/// Chart geometry, computed in Swift and drawn by the SVG templates. Every
/// chart is a figure: a caption with the key message, the graphic (with text
/// labels as well as colour), and the same data as a table. Coordinates are
/// rounded to one decimal so that the output is byte-stable.
enum Charts {
    typealias Model = [String: Any]

    /// "12.5" — one decimal at most, never "-0".
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return Rounded(units: tenths, decimals: 1).text()
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

    struct Series {
        var name: String
        var values: [Int]
    }

    /// Lines over time, one per series, with a marker shape per series and the
    /// series name written at the end of its line.
    /// `axis` fixes the value range and tick step (for a rating scale); by
    /// default the axis runs from 0 to a rounded maximum. `format` writes values.
    static func line(id: String, labels: [String], series: [Series], l: Localization,
                     axis: (low: Int, high: Int, step: Int)? = nil, format: ((Int) -> String)? = nil) -> Model {
        let format = format ?? { l.number($0) }
        let width = 640.0, height = 260.0, left = 44.0, right = 130.0, top = 16.0, bottom = 36.0
        let maximum = max(series.flatMap(\.values).max() ?? 0, 1)
        let step = axis?.step ?? niceStep(maximum)
        let low = axis?.low ?? 0
        let high = axis?.high ?? ((maximum + step - 1) / step) * step
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ i: Int) -> Double { labels.count <= 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(labels.count - 1) }
        func y(_ v: Int) -> Double { top + plotH * (1 - Double(v - low) / Double(max(high - low, 1))) }

        let yTicks: [Model] = stride(from: low, through: high, by: step).map { v in
            ["y": n(y(v)), "x1": n(left), "x2": n(left + plotW), "tx": n(left - 6), "ty": n(y(v) + 4), "label": format(v)]
        }
        // At most about six x labels, always the first and the last.
        let every = max(1, (labels.count + 5) / 6)
        let xTicks: [Model] = labels.indices.filter { $0 % every == 0 || $0 == labels.count - 1 }
            .filter { i in i == labels.count - 1 || labels.count - 1 - i >= (every * 2 + 2) / 3 }
            .map { i in ["x": n(x(i)), "y": n(height - bottom + 18), "label": labels[i]] }
        let shapes = ["circle", "square", "diamond"]
        var drawn: [Model] = series.enumerated().map { index, s in
            let points = s.values.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element)))" }.joined(separator: " ")
            let markerEvery = max(1, s.values.count / 12)
            let markers: [Model] = s.values.enumerated().filter { $0.offset % markerEvery == 0 || $0.offset == s.values.count - 1 }
                .map { ["x": n(x($0.offset)), "y": n(y($0.element)), shapes[index % 3]: true,
                        "x0": n(x($0.offset) - 3.5), "y0": n(y($0.element) - 3.5),
                        "diamond-points": "\(n(x($0.offset))),\(n(y($0.element) - 4.5)) \(n(x($0.offset) + 4.5)),\(n(y($0.element))) \(n(x($0.offset))),\(n(y($0.element) + 4.5)) \(n(x($0.offset) - 4.5)),\(n(y($0.element)))"] }
            let last = s.values.last ?? 0
            return ["index": index, "points": points, "markers": markers, "name": s.name,
                    "lx": n(x(max(s.values.count - 1, 0)) + 8), "ly": n(y(last) + 4)]
        }
        // Series names sit at the end of their lines; push them apart so none overlap.
        var labelYs = drawn.enumerated().map { ($0.offset, y(series[$0.offset].values.last ?? 0) + 4) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        for i in labelYs.indices.dropFirst() where labelYs[i].1 < labelYs[i - 1].1 + 13 {
            labelYs[i].1 = labelYs[i - 1].1 + 13
        }
        for (index, ly) in labelYs { drawn[index]["ly"] = n(ly) }
        let rows: [Model] = labels.indices.map { i in
            ["label": labels[i], "cells": series.map { ["value": format($0.values[i])] }]
        }
        return ["line": true, "id": id, "width": n(width), "height": n(height), "yTicks": yTicks, "xTicks": xTicks,
                "series": drawn, "axisX1": n(left), "axisX2": n(left + plotW), "axisY": n(top + plotH),
                "table": ["head": [l["month"]] + series.map(\.name), "rows": rows]]
    }

    struct Bar {
        var label: String
        var value: Int
        var target: Int?
        var valueText: String
    }

    /// Horizontal bars with an optional target mark (a vertical tick and the word).
    static func bars(id: String, bars: [Bar], valueHead: String, l: Localization) -> Model {
        let labelW = labelWidth(bars.map(\.label))
        let rowH = 30.0, width = labelW + 450, right = 100.0
        let maximum = max(bars.map { max($0.value, $0.target ?? 0) }.max() ?? 0, 1)
        let plotW = width - labelW - right
        func x(_ v: Int) -> Double { labelW + plotW * Double(v) / Double(maximum) }
        let drawn: [Model] = bars.enumerated().map { i, bar in
            let y = 8 + Double(i) * rowH
            var model: Model = ["label": fit(bar.label), "ty": n(y + 15), "tx": n(labelW - 8), "x": n(labelW), "y": n(y + 4),
                                "w": n(max(x(bar.value) - labelW, bar.value > 0 ? 1.5 : 0)), "h": n(rowH - 12),
                                "vx": n(x(max(bar.value, bar.target ?? 0)) + 6), "value": bar.valueText,
                                "met": bar.target.map { bar.value >= $0 } ?? false]
            if let target = bar.target {
                model["target"] = ["x": n(x(target)), "y1": n(y), "y2": n(y + rowH - 4)]
            }
            return model
        }
        let rows: [Model] = bars.map { bar in
            ["label": bar.label, "cells": [["value": bar.valueText], ["value": bar.target.map(l.number) ?? l["dash"]]]]
        }
        return ["bars": drawn, "barChart": true, "id": id, "width": n(width), "height": n(16 + Double(bars.count) * rowH),
                "axisX": n(labelW),
                "table": ["head": [l["name"], valueHead, l["target"]], "rows": rows]]
    }

    /// A radar (spider) chart of the BIP questions: the first and the latest
    /// round as two outlines, solid and dashed, with the scale's rings.
    static func radar(id: String, axes: [String], first: [Exact?], latest: [Exact?], scale: ClosedRange<Int>,
                      firstName: String, latestName: String, l: Localization) -> Model {
        // Wide enough for the axis names on either side ("Parallella insatser").
        let width = 620.0, size = 430.0, cx = 310.0, cy = 200.0, radius = 125.0
        let count = max(axes.count, 3)
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            let r = radius * (value - Double(scale.lowerBound)) / Double(scale.upperBound - scale.lowerBound)
            return (cx + r * cos(angle), cy + r * sin(angle))
        }
        func polygon(_ values: [Exact?]) -> String {
            values.enumerated().map { i, v in
                let value = v.map { Double($0.numerator) / Double($0.denominator) } ?? Double(scale.lowerBound)
                let (x, y) = point(i, value)
                return "\(n(x)),\(n(y))"
            }.joined(separator: " ")
        }
        let rings: [Model] = Array(scale).map { level in
            ["points": (0..<count).map { i in let (x, y) = point(i, Double(level)); return "\(n(x)),\(n(y))" }.joined(separator: " "),
             "label": l.number(level), "ly": n(point(0, Double(level)).1 - 3), "lx": n(cx + 4)]
        }
        let spokes: [Model] = axes.enumerated().map { i, name in
            let (x, y) = point(i, Double(scale.upperBound))
            let (lx, ly) = point(i, Double(scale.upperBound) + Double(scale.upperBound - scale.lowerBound) * 0.16)
            let anchor = abs(lx - cx) < 5 ? "middle" : (lx > cx ? "start" : "end")
            return ["x": n(x), "y": n(y), "lx": n(lx), "ly": n(ly + 4), "label": name, "anchor": anchor]
        }
        var outlines: [Model] = []
        if first.contains(where: { $0 != nil }) { outlines.append(["points": polygon(first), "first": true, "name": firstName]) }
        outlines.append(["points": polygon(latest), "latest": true, "name": latestName])
        return ["radar": true, "id": id, "width": n(width), "height": n(size), "cx": n(cx), "cy": n(cy), "rings": rings,
                "spokes": spokes, "outlines": outlines,
                "legend": outlines.enumerated().map { i, o in
                    ["name": o["name"]!, "y": n(size - 14 - Double(outlines.count - 1 - i) * 18), "first": o["first"] ?? false,
                     "latest": o["latest"] ?? false]
                }]
    }

    struct Span {
        var label: String
        var start: Day
        var end: Day?
        var inForce: Bool
        var href: String
    }

    /// Validity periods as bars on a time axis, with a line at the as-of date.
    static func timeline(id: String, spans: [Span], from: Day, to: Day, asOf: Day, l: Localization) -> Model {
        let labelW = labelWidth(spans.map(\.label))
        let rowH = 26.0, width = labelW + 450, right = 16.0, top = 24.0
        let first = min(from.dayNumber, spans.map(\.start.dayNumber).min() ?? from.dayNumber)
        let last = max(to.dayNumber, asOf.dayNumber)
        let plotW = width - labelW - right
        func x(_ day: Day) -> Double { labelW + plotW * Double(min(max(day.dayNumber, first), last) - first) / Double(max(last - first, 1)) }
        let rows: [Model] = spans.enumerated().map { i, span in
            let y = top + Double(i) * rowH
            let x1 = x(span.start), x2 = span.end.map(x) ?? (labelW + plotW)
            return ["label": fit(span.label), "ty": n(y + 13), "tx": n(labelW - 8), "x": n(x1), "y": n(y + 3),
                    "w": n(max(x2 - x1, 2)), "h": n(rowH - 10), "inForce": span.inForce, "open": span.end == nil,
                    "href": span.href]
        }
        var years: [Model] = []
        var year = Day(dayNumber: first).year + 1
        while let jan = Day(year: year, month: 1, day: 1), jan.dayNumber <= last {
            years.append(["x": n(x(jan)), "label": String(year), "y2": n(top + Double(spans.count) * rowH)])
            year += 1
        }
        return ["timeline": true, "id": id, "width": n(width), "height": n(top + Double(spans.count) * rowH + 8),
                "rows": rows, "years": years, "asOfX": n(x(asOf)), "asOfY2": n(top + Double(spans.count) * rowH),
                "asOfLabel": l.date(asOf)]
    }
}

import Foundation

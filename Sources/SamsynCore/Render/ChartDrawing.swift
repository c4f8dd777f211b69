/// Draws the charts as inline SVG. Each SVG is an image labelled by its
/// figure's caption; the text inside is escaped like everything else.
extension HTMLWriter {
    mutating func svgOpen(_ width: String, _ height: String, labelledBy id: String, className: String = "chart-svg") {
        open("svg", ["class": className, "viewBox": "0 0 \(width) \(height)", "role": "img",
                     "aria-labelledby": id + "-caption", "focusable": "false"])
        newline()
    }

    mutating func draw(_ chart: LineChart, id: String) {
        svgOpen(chart.width, chart.height, labelledBy: id)
        for tick in chart.yTicks {
            empty("line", ["class": "grid", "x1": chart.axisX1, "y1": tick.y, "x2": chart.axisX2, "y2": tick.y])
            element("text", ["class": "tick", "x": tick.labelX, "y": tick.labelY, "text-anchor": "end"], text: tick.label)
            newline()
        }
        empty("line", ["class": "axis", "x1": chart.axisX1, "y1": chart.axisY, "x2": chart.axisX2, "y2": chart.axisY])
        newline()
        for tick in chart.xTicks {
            element("text", ["class": "tick", "x": tick.x, "y": tick.y, "text-anchor": "middle"], text: tick.label)
            newline()
        }
        for series in chart.series {
            open("g", ["class": "series series-\(series.index)"])
            empty("polyline", ["points": series.points])
            newline()
            for m in series.markers {
                // A marker shape per series (circle, square, diamond), so lines differ without colour.
                switch series.index % 3 {
                case 0: empty("circle", ["cx": Charts.n(m.x), "cy": Charts.n(m.y), "r": "3.5"])
                case 1: empty("rect", ["x": Charts.n(m.x - 3.5), "y": Charts.n(m.y - 3.5), "width": "7", "height": "7"])
                default:
                    let corners = [(m.x, m.y - 4.5), (m.x + 4.5, m.y), (m.x, m.y + 4.5), (m.x - 4.5, m.y)]
                    empty("polygon", ["points": Charts.points(corners.count) { corners[$0] }])
                }
            }
            newline()
            element("text", ["class": "series-label", "x": series.labelX, "y": series.labelY], text: series.name)
            close("g")
            newline()
        }
        close("svg")
        newline()
    }

    mutating func draw(_ chart: BarChart, id: String) {
        svgOpen(chart.width, chart.height, labelledBy: id)
        empty("line", ["class": "axis", "x1": chart.axisX, "y1": "0", "x2": chart.axisX, "y2": chart.height])
        newline()
        for bar in chart.bars {
            element("text", ["class": "tick", "x": bar.labelX, "y": bar.textY, "text-anchor": "end"], text: bar.label)
            empty("rect", ["class": bar.met ? "bar bar-met" : "bar", "x": bar.x, "y": bar.y, "width": bar.width, "height": bar.height])
            element("text", ["class": "value", "x": bar.valueX, "y": bar.textY], text: bar.value)
            if let target = bar.target {
                empty("line", ["class": "target", "x1": target.x, "y1": target.y1, "x2": target.x, "y2": target.y2])
            }
            newline()
        }
        close("svg")
        newline()
    }

    mutating func draw(_ chart: RadarChart, id: String) {
        svgOpen(chart.width, chart.height, labelledBy: id, className: "chart-svg radar")
        for ring in chart.rings {
            empty("polygon", ["class": "ring", "points": ring.points])
            element("text", ["class": "tick", "x": ring.labelX, "y": ring.labelY], text: ring.label)
            newline()
        }
        for spoke in chart.spokes {
            empty("line", ["class": "grid", "x1": chart.cx, "y1": chart.cy, "x2": spoke.x, "y2": spoke.y])
            element("text", ["class": "tick", "x": spoke.labelX, "y": spoke.labelY, "text-anchor": spoke.anchor], text: spoke.label)
            newline()
        }
        for outline in chart.outlines {
            empty("polygon", ["class": outline.first ? "outline outline-first" : "outline outline-latest", "points": outline.points])
            newline()
        }
        for entry in chart.legend {
            empty("line", ["class": entry.first ? "legend outline-first" : "legend outline-latest", "x1": "10", "y1": entry.y, "x2": "40", "y2": entry.y])
            element("text", ["class": "tick", "x": "46", "y": entry.y, "dy": "4"], text: entry.name)
            newline()
        }
        close("svg")
        newline()
    }

    mutating func draw(_ chart: TimelineChart, id: String) {
        svgOpen(chart.width, chart.height, labelledBy: id)
        for year in chart.years {
            empty("line", ["class": "grid", "x1": year.x, "y1": "16", "x2": year.x, "y2": chart.bottom])
            element("text", ["class": "tick", "x": year.x, "y": "12", "text-anchor": "middle"], text: year.label)
            newline()
        }
        for row in chart.rows {
            element("text", ["class": "tick", "x": row.labelX, "y": row.textY, "text-anchor": "end"], text: row.label)
            let classes = "span" + (row.inForce ? " span-in-force" : "") + (row.open ? " span-open" : "")
            empty("rect", ["class": classes, "x": row.x, "y": row.y, "width": row.width, "height": row.height])
            newline()
        }
        empty("line", ["class": "as-of", "x1": chart.asOfX, "y1": "16", "x2": chart.asOfX, "y2": chart.bottom])
        newline()
        close("svg")
        newline()
    }
}

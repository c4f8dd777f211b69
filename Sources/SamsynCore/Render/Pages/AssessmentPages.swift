/// BIP-självskattning: the heatmap of the latest rounds, and per subproject a
/// radar chart (first and latest round), a trend per question and a table.
/// Only means are shown: individual responses never reach a page.
enum AssessmentPages {
    static func pages(_ c: PageContext) -> [PagePlan] {
        [PagePlan(path: "assessments/index.html") { page(c) }]
    }

    static func page(_ c: PageContext) -> Page {
        let l = c.l, path = "assessments/index.html", link = Linker(pagePath: path)
        var page = Page(path: path, title: l["nav.assessments"], section: "nav.assessments")
        let q = c.project.config.questionnaire
        page.blocks = [Part.note(l["assessments.private"])]

        var sections = [Part.section(l["assessments.heatmap"], id: "heatmap", [heatmap(c, link)])]
        for sub in c.project.config.subprojects {
            sections.append(Part.section(sub.name, id: "sub-\(sub.id)", subproject(sub, c, link)))
        }
        sections.append(Part.section(l["assessments.questions"], id: "questions", [
            Part.table(caption: l["assessments.questions"], head: [(l["assessments.question"], false), (l["title"], false)],
                       rows: q.questions.map { [Part.cell(c.questionLabel($0.id), header: true), Part.cell(c.questionText($0))] }),
        ]))
        page.sections = sections
        return page
    }

    /// Subprojects × questions as a table whose cells carry the value as text
    /// and a shade for the level (1–5) — a heatmap that needs no colour vision.
    static func heatmap(_ c: PageContext, _ link: Linker) -> Block {
        let l = c.l, q = c.project.config.questionnaire
        let rows: [[Cell]] = c.project.config.subprojects.map { sub in
            let latest = c.report.assessments[sub.id]?.rounds.last
            return [Part.cell(sub.name, href: "#sub-\(sub.id)", header: true)] + q.questions.indices.map { place in
                guard let mean = latest?.meanByPlace[place] else { return Part.cell(l["dash"], numeric: true) }
                return Part.cell(l.decimal(mean), numeric: true, className: "heat heat-\(level(mean, q))")
            } + [Part.cell(latest?.index.map(l.decimal) ?? l["dash"], numeric: true),
                 Part.cell(latest.map { l.date($0.date) } ?? l["dash"])]
        }
        return Part.table(caption: l.format("assessments.heatmap.caption", l.number(q.scaleMin), l.number(q.scaleMax)),
                          head: [(l["subproject"], false)] + q.questions.map { (c.questionLabel($0.id), true) }
                              + [(l["assessments.index"], true), (l["date"], false)],
                          rows: rows, id: "heatmap-table")
    }

    /// 1–5: which fifth of the scale the mean falls in.
    static func level(_ mean: Rounded, _ q: Questionnaire) -> Int {
        let span = Double(q.scaleMax - q.scaleMin)
        let position = (mean.doubleValue - Double(q.scaleMin)) / span
        return min(5, max(1, Int(position * 5) + 1))
    }

    static func subproject(_ sub: Subproject, _ c: PageContext, _ link: Linker) -> [Block] {
        let l = c.l, q = c.project.config.questionnaire
        guard let history = c.report.assessments[sub.id], let latest = history.rounds.last, let first = history.rounds.first else {
            return [Part.paragraph(l["assessments.none"])]
        }
        var blocks: [Block] = []
        if history.overdue {
            blocks.append(Part.list([Part.item(l.format("attention.overdue", sub.name, l.date(latest.date)),
                                               status: l["assessments.overdue"], statusClass: "behind")]))
        }
        let ids = q.questions.map(\.id)
        let single = history.rounds.count == 1
        let radar = Charts.radar(axes: ids.map(c.questionLabel),
                                 first: single ? nil : first.exactByPlace,
                                 latest: latest.exactByPlace, scale: q.scaleMin...q.scaleMax,
                                 firstName: l["assessments.first"] + " (\(l.date(first.date)))",
                                 latestName: l["assessments.latest"] + " (\(l.date(latest.date)))", l: l)
        let radarData = DataTable(
            head: [l["assessments.question"]] + (single ? [] : [l["assessments.first"]]) + [l["assessments.latest"]],
            rows: ids.indices.map { place in
                (c.questionLabel(ids[place]), (single ? [] : [first.meanByPlace[place].map(l.decimal) ?? l["dash"]])
                    + [latest.meanByPlace[place].map(l.decimal) ?? l["dash"]])
            })
        let caption = single
            ? l.format("assessments.radar.single", l.date(latest.date), latest.index.map(l.decimal) ?? l["dash"])
            : l.format("assessments.radar.caption", latest.index.map(l.decimal) ?? l["dash"], l.date(latest.date),
                       first.index.map(l.decimal) ?? l["dash"], l.date(first.date))
        blocks.append(Part.figure(.radar(radar), data: radarData, id: "radar-\(sub.id)",
                                  title: l.format("assessments.radar", sub.name), caption: caption))

        if history.rounds.count >= 2 {
            // Means in hundredths, so the line chart's whole-number axis keeps two decimals of precision.
            let series = ids.indices.map { place in
                Charts.Series(name: c.questionLabel(ids[place]), values: history.rounds.map { $0.meanByPlace[place]?.units ?? 0 })
            }
            let (chart, data) = Charts.line(labels: history.rounds.map { l.date($0.date) }, series: series,
                                            firstColumn: l["assessments.round"], l: l,
                                            axis: (q.scaleMin * 100, q.scaleMax * 100, 100),
                                            format: { l.decimal(Rounded(units: $0, decimals: 2)) })
            blocks.append(Part.figure(.line(chart), data: data, id: "trend-\(sub.id)", title: l.format("assessments.trend", sub.name),
                                      caption: l.format("assessments.radar.caption", latest.index.map(l.decimal) ?? l["dash"],
                                                        l.date(latest.date), first.index.map(l.decimal) ?? l["dash"], l.date(first.date))))
        }

        let rows: [[Cell]] = history.rounds.map { round in
            [Part.cell(l.date(round.date), header: true), Part.cell(l.number(round.respondents), numeric: true),
             Part.cell(round.index.map(l.decimal) ?? l["dash"], numeric: true)]
                + round.meanByPlace.map { Part.cell($0.map(l.decimal) ?? l["dash"], numeric: true) }
        }
        blocks.append(Part.table(caption: l.format("assessments.table", sub.name),
                                 head: [(l["assessments.round"], false), (l["assessments.respondents"], true), (l["assessments.index"], true)]
                                     + ids.map { (c.questionLabel($0), true) }, rows: rows))
        var facts: [(String, [Fact.Part])] = []
        if !history.change.isEmpty {
            facts.append((l["assessments.change"], ids.compactMap { id in
                history.change[id].map { ("\(c.questionLabel(id)) \($0.units > 0 ? "+" : "")\(l.decimal($0))", nil) }
            }))
        }
        facts.append((l["assessments.weakest"], history.weakest.map { (c.questionLabel($0), nil) }))
        blocks.append(Part.facts(facts))
        return blocks
    }
}

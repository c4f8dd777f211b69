/// Översikt: the scorecard, what needs attention, and the trends.
enum OverviewPage {
    static func pages(_ c: PageContext) -> [PagePlan] {
        [PagePlan(path: "index.html") { page(c) }]
    }

    static func page(_ c: PageContext) -> Page {
        let l = c.l, link = Linker(pagePath: "index.html"), config = c.project.config
        var page = Page(path: "index.html", title: l["nav.overview"], section: "nav.overview")

        // Scorecard: value, target, share and the status in words (never colour alone).
        let rows: [[Cell]] = c.input.overview.measures.map { m in
            [Part.cell(l["measure." + m.key], header: true),
             Part.cell(l.number(m.value), numeric: true),
             Part.cell(m.target.map(l.number) ?? l["dash"], numeric: true),
             Part.cell(m.share.map(l.percent) ?? l["dash"], numeric: true),
             Part.cell(l["measure." + m.status.rawValue], symbol: symbol(m.status), className: "status status-\(m.status.rawValue)")]
        }
        let scorecard = Part.table(caption: l.format("overview.scorecard.caption", l.date(c.asOf)),
                                   head: [(l["measure"], false), (l["value"], true), (l["target"], true), (l["share"], true), (l["status"], false)],
                                   rows: rows, id: "scorecard")

        let attention = c.input.overview.attention.map { item(for: $0, c, link) }
        let attentionBlock = attention.isEmpty ? Part.paragraph(l["overview.attention.none"]) : Part.list(attention, className: "attention")

        let t = c.input.trends
        let labels = t.map { l.month($0.day) }
        var trendBlocks: [Block] = []
        func trend(_ id: String, _ series: [Charts.Series], title: String, caption: String) {
            let (chart, data) = Charts.line(labels: labels, series: series, firstColumn: l["month"], l: l)
            trendBlocks.append(Part.figure(.line(chart), data: data, id: id, title: title, caption: caption))
        }
        if let first = t.first, let last = t.last {
            trend("trend-agreements", [.init(name: l["series.agreements"], values: t.map(\.agreementsInForce))],
                  title: l["trend.agreements"],
                  caption: l.format("trend.agreements.caption", l.number(last.agreementsInForce), l.date(last.day),
                                    l.number(first.agreementsInForce)))
            trend("trend-activities", [.init(name: l["series.trainings"], values: t.map(\.trainingsHeld)),
                                       .init(name: l["series.themeDays"], values: t.map(\.themeDaysHeld))],
                  title: l["trend.activities"],
                  caption: l.format("trend.activities.caption", l.number(last.trainingsHeld), l.number(last.themeDaysHeld)))
            trend("trend-attendances", [.init(name: l["series.attendances"], values: t.map(\.attendances))],
                  title: l["trend.attendances"],
                  caption: l.format("trend.attendances.caption", l.number(last.attendances), l.date(last.day)))
        }
        if let owner = config.organisations.first(where: { $0.id == config.owner }) {
            page.intro = [l.format("owner", owner.name)]
        }
        page.sections = [
            Part.section(l["overview.scorecard"], id: "scorecard-heading", [scorecard]),
            Part.section(l["overview.attention"], id: "attention", [attentionBlock]),
            Part.section(l["overview.trends"], id: "trends", trendBlocks),
        ]
        return page
    }

    /// A symbol beside the status word, so status never rests on colour.
    static func symbol(_ status: Overview.Status) -> String {
        switch status {
        case .met: return "✓"
        case .onTrack: return "→"
        case .behind: return "!"
        case .info: return "i"
        }
    }

    static func item(for attention: Overview.Attention, _ c: PageContext, _ link: Linker) -> ListItem {
        let l = c.l
        switch attention {
        case let .agreementExpiring(id, end):
            return Part.item(l.format("attention.expiring", c.agreements[id]?.title ?? id, l.date(end)),
                             href: link.agreement(id), status: l["measure.behind"], statusClass: "behind")
        case let .partnerGap(sub, orgs):
            return Part.item(l.format("attention.gap", c.subName(sub), orgs.map(c.orgName).joined(separator: ", ")),
                             href: link.subproject(sub), status: l["cell.gap"], statusClass: "behind")
        case let .assessmentOverdue(sub, latest):
            let text = latest.map { l.format("attention.overdue", c.subName(sub), l.date($0)) }
                ?? l.format("attention.overdue.never", c.subName(sub))
            return Part.item(text, href: link.href("assessments/index.html#sub-\(sub)"), status: l["assessments.overdue"], statusClass: "behind")
        case let .caseworkerMeetingsBehind(sub, thisYear, target):
            return Part.item(l.format("attention.meetings", c.subName(sub), l.number(thisYear), l.number(target)),
                             href: link.subproject(sub), status: l["measure.behind"], statusClass: "behind")
        case let .principleUncovered(principle):
            return Part.item(l.format("attention.principle", l.principle(principle)),
                             href: link.href("theme-days/index.html#uncovered"), status: l["measure.behind"], statusClass: "behind")
        case let .planned(kind, id, date):
            let activity = c.input.indexes.activity(kind, id: id, date: date)
            return Part.item(l.format("attention.planned", l.kind(kind), activity?.title ?? id, l.date(date)),
                             href: activity.map(link.activity), status: l["planned"], statusClass: "info")
        }
    }
}

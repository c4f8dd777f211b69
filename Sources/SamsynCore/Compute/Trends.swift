/// The project's structural indicators evaluated at every month end from the
/// project start up to the as-of date (and at the as-of date itself), for the
/// trend charts. Each point is what the indicators said on that day.
public struct TrendPoint: Sendable, Equatable {
    public var day: Day
    public var agreementsInForce: Int
    public var trainingsHeld: Int
    public var themeDaysHeld: Int
    /// Attendances at held trainings and theme days, cumulative.
    public var attendances: Int
}

public enum Trends {
    public static func compute(_ project: Project, asOf: Day) -> [TrendPoint] {
        let days = monthEnds(from: project.config.start, to: asOf)
        // Sorting once lets each point be found by a running index instead of
        // rescanning every activity for every month.
        let activities = project.activities.filter { $0.kind != .meeting }.sorted { $0.date < $1.date }
        var index = 0, trainings = 0, themeDays = 0, attendances = 0
        var points: [TrendPoint] = []
        for day in days {
            while index < activities.count, activities[index].date <= day {
                let activity = activities[index]
                if activity.kind == .training { trainings += 1 } else { themeDays += 1 }
                attendances += activity.participantCount
                index += 1
            }
            points.append(TrendPoint(day: day, agreementsInForce: project.agreements.filter { $0.isInForce(on: day) }.count,
                                     trainingsHeld: trainings, themeDaysHeld: themeDays, attendances: attendances))
        }
        return points
    }

    /// The last day of every month from `start`'s month while before `end`, then `end`.
    static func monthEnds(from start: Day, to end: Day) -> [Day] {
        guard start <= end else { return [] }
        var result: [Day] = []
        var month = Day(year: start.year, month: start.month, day: 1)!
        while true {
            let last = Day(year: month.year, month: month.month, day: Day.daysIn(month: month.month, year: month.year))!
            if last >= end { break }
            result.append(last)
            month = month.adding(months: 1)
        }
        result.append(end)
        return result
    }
}

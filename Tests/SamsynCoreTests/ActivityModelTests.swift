import Testing
@testable import SamsynCore

@Suite struct ActivityModelTests {
    private func people(_ counts: Int...) -> [Activity.Participation] {
        counts.enumerated().map { Activity.Participation(organisation: "org-\($0.offset)", count: $0.element) }
    }

    /// The count is kept beside the list, so it must follow every way the list can change.
    @Test func participantCountFollowsTheParticipants() throws {
        let day = try #require(Day(iso: "2025-03-04"))
        var activity = Activity(kind: .training, id: "a", title: "A", date: day, participants: people(3, 4))
        #expect(activity.participantCount == 7)

        let before = activity
        activity.participants = people(10)
        #expect(activity.participantCount == 10)
        #expect(before.participantCount == 7, "a copy keeps its own count")

        activity.participants[0].count = 2
        activity.participants.append(contentsOf: people(5, 6))
        #expect(activity.participantCount == 13)

        activity.participants.removeAll()
        #expect(activity.participantCount == 0)
        #expect(Activity(kind: .meeting, id: "b", title: "B", date: day).participantCount == 0)
    }
}

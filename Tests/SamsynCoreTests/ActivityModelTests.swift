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

@Suite struct IDPlacesTests {
    /// `known` finds an id as `place(of:)` does, and hands back a string
    /// with the bytes that were looked up, whichever way it was found: the
    /// list's own when they are the same bytes, else the one given (Swift's
    /// `==` also takes another spelling of the same characters).
    @Test func knownGivesThePlaceAndTheBytesLookedUp() {
        let few = ["lund", "café", "hoganas"]
        let many = (0..<40).map { "org-\($0)" } + ["hoganas"]
        let unicode = many + ["café"]  // not all ASCII: looked up through a dictionary
        for ids in [few, many, unicode] {
            let places = IDPlaces(ids)
            for id in ids + ["cafe\u{301}", "missing", "", "org-400", "Lund"] {
                let found = places.known(id)
                #expect(found?.place == places.place(of: id), "\(id)")
                if let found {
                    #expect(Array(found.id.utf8) == Array(id.utf8), "\(id) came back as other bytes")
                    #expect(ids[found.place] == id)
                }
            }
        }
        #expect(IDPlaces(few).known("cafe\u{301}")?.place == 1, "canonically equal ids are the same id, as before")
    }
}

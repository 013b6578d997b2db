import CasewayStore
import Testing

struct RecordIDTests {
    @Test func generatedID_isCanonicalLowercaseUUIDv7_carryingItsTime() throws {
        let time = Timestamp(millisecondsSinceEpoch: 1_795_441_291_123)
        let id = RecordIDGenerator().next(at: time)
        let text = id.text
        #expect(text.count == 36)
        #expect(text == text.lowercased())
        let parts = text.split(separator: "-")
        #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
        #expect(parts[2].first == "7")
        #expect(["8", "9", "a", "b"].contains(parts[3].first))
        #expect(RecordID(text) == id)
        #expect(id.timestamp == time)
    }

    @Test func idsMadeInOneMillisecond_strictlyIncrease_evenPastTheCounter() {
        let generator = RecordIDGenerator()
        let time = Timestamp(millisecondsSinceEpoch: 1_795_441_291_123)
        var previous = generator.next(at: time)
        for _ in 0..<10_000 {
            let next = generator.next(at: time)
            #expect(previous < next)
            previous = next
        }
        // 4,096 ids per millisecond; beyond that the id borrows the next millisecond.
        #expect(previous.timestamp.millisecondsSinceEpoch == time.millisecondsSinceEpoch + 2)
    }

    @Test func clockGoingBackwards_stillGivesIncreasingIDs() {
        let generator = RecordIDGenerator()
        let first = generator.next(at: Timestamp(millisecondsSinceEpoch: 2_000_000))
        let second = generator.next(at: Timestamp(millisecondsSinceEpoch: 1_000_000))
        #expect(first < second)
    }

    @Test func concurrentGeneration_givesUniqueIDs() async {
        let generator = RecordIDGenerator()
        let ids = await withTaskGroup(of: [RecordID].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<2000).map { _ in generator.next(at: SystemClock().now()) } }
            }
            var all: [RecordID] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(Set(ids).count == 16_000)
    }

    @Test(arguments: ["", "not-an-id", "019A4F0E-8C31-7000-8A1B-1F2E3D4C5B6A", "019a4f0e-8c31-4000-8a1b-1f2e3d4c5b6a",
                      "019a4f0e-8c31-7000-ca1b-1f2e3d4c5b6a", "019a4f0e8c31-7000-8a1b-1f2e3d4c5b6a0"])
    func malformedText_isNotAnID(text: String) {
        #expect(RecordID(text) == nil)
    }
}

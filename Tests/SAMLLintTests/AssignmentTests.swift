import Foundation
import SAMLLint
import Testing

@Suite("Exact assignment (Hungarian algorithm)")
struct AssignmentTests {
    /// Every permutation's cost, the slow way, to check the solver finds the true optimum.
    static func bruteForce(_ costs: [[Double]]) -> Double {
        let n = costs.count
        var best = Double.infinity
        func go(_ row: Int, _ used: Set<Int>, _ total: Double) {
            if row == n { best = min(best, total); return }
            for column in 0..<costs[row].count where !used.contains(column) {
                go(row + 1, used.union([column]), total + costs[row][column])
            }
        }
        go(0, [], 0)
        return best
    }

    @Test("finds the optimum on seeded random matrices", arguments: 1...40)
    func matchesBruteForce(seed: Int) {
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 40) / Double(1 << 24)
        }
        let rows = 1 + seed % 5
        let columns = rows + (seed % 3)
        let costs = (0..<rows).map { _ in (0..<columns).map { _ in (next() * 100).rounded() / 10 } }
        let assignment = Assignment.minimumCost(costs)
        #expect(assignment.count == rows)
        let columnsUsed = assignment.compactMap { $0 }
        #expect(columnsUsed.count == rows, "every row gets a column when there are enough")
        #expect(Set(columnsUsed).count == columnsUsed.count, "one-to-one")
        let total = zip(costs, assignment).reduce(0.0) { $0 + $1.0[$1.1!] }
        #expect(abs(total - Self.bruteForce(costs)) < 1e-9)
    }

    @Test func greedyWouldBeWrong() {
        // Greedy takes (0,0)=1 then (1,1)=100; the optimum is (0,1)+(1,0) = 2+2.
        let assignment = Assignment.minimumCost([[1, 2], [2, 100]])
        #expect(assignment == [1, 0])
    }

    @Test func moreRowsThanColumnsLeavesSomeUnassigned() {
        let assignment = Assignment.maximumScore([[0.9], [0.2], [0.5]])
        #expect(assignment == [0, nil, nil])
    }
}

@Suite("xs:dateTime parsing")
struct DateTimeTests {
    @Test("valid timestamps", arguments: [
        ("2026-01-01T10:00:00Z", 1_767_261_600.0), ("2026-01-01T10:00:00.123Z", 1_767_261_600.123),
        ("2026-01-01T10:00:00", 1_767_261_600.0), ("2026-01-01T12:00:00+02:00", 1_767_261_600.0),
        ("2026-01-01T05:30:00-04:30", 1_767_261_600.0), (" 2026-01-01T10:00:00Z\n", 1_767_261_600.0),
    ])
    func valid(_ pair: (String, Double)) throws {
        let date = try #require(ISO8601.parse(pair.0))
        #expect(abs(date.timeIntervalSince1970 - pair.1) < 0.0005)
    }

    @Test("invalid timestamps", arguments: ["", "2026-01-01", "2026-13-01T10:00:00Z", "2026-02-30T10:00:00Z", "2026-01-01T10:00:00Q", "2026-01-01 10:00:00Z", "2026-01-01T10:00:00.Z", "x026-01-01T10:00:00Z"])
    func invalid(_ text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test("formatted in UTC with whole seconds", arguments: [
        (1_767_261_600.0, "2026-01-01T10:00:00Z"), (1_767_261_600.9, "2026-01-01T10:00:00Z"),
        (0.0, "1970-01-01T00:00:00Z"), (951_825_600.0, "2000-02-29T12:00:00Z"), (-86_400.0, "1969-12-31T00:00:00Z"),
    ])
    func format(_ pair: (Double, String)) {
        #expect(ISO8601.format(Date(timeIntervalSince1970: pair.0)) == pair.1)
    }
}

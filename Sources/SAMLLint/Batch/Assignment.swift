/// The assignment problem, solved exactly: given a cost for every (row, column) pair, find the
/// one-to-one assignment of rows to columns with the least total cost (Hungarian algorithm, the
/// O(n^3) potentials variant). Rectangular matrices are padded; rows left without a real column
/// are returned as nil.
public enum Assignment {
    /// `costs[row][column]`. Returns, for each row, its column or nil.
    public static func minimumCost(_ costs: [[Double]]) -> [Int?] {
        let rows = costs.count
        guard rows > 0 else { return [] }
        let columns = costs.reduce(0) { max($0, $1.count) }  // not `map(\.count)`: the key path was projected at run time
        guard columns > 0 else { return Array(repeating: nil, count: rows) }
        let n = max(rows, columns)
        // The largest magnitude, as `max()` finds it (first of equals kept).
        var largest: Double?
        for row in costs {
            for cost in row {
                let magnitude = abs(cost)
                if largest.map({ $0 < magnitude }) ?? true { largest = magnitude }
            }
        }
        let big = (largest ?? 0) * Double(n) + 1
        // 1-based, as in the classic formulation, in one flat table (row i at i * (n + 1)); padded
        // cells cost `big` so real cells win. Every step below is the nested-array version's, in its
        // order, so the same assignment comes out.
        let stride = n + 1
        var table = [Double](repeating: big, count: stride * stride)
        for (row, values) in costs.enumerated() {
            for (column, cost) in values.enumerated() { table[(row + 1) * stride + column + 1] = cost }
        }
        // u, v and minv in one buffer, p, way and used in another (two allocations, not six; read
        // without bounds checks: every index below is in 0...n).
        var reals = [Double](repeating: 0, count: 3 * (n + 1))
        var whole = [Int](repeating: 0, count: 3 * (n + 1))
        table.withUnsafeBufferPointer { cost in
            reals.withUnsafeMutableBufferPointer { realsBuffer in
                whole.withUnsafeMutableBufferPointer { wholeBuffer in
                    let u = realsBuffer.baseAddress!, v = u + (n + 1), minv = v + (n + 1)
                    let p = wholeBuffer.baseAddress!, way = p + (n + 1), used = way + (n + 1)  // p[j]: row assigned to column j; used: 0 or 1
                    for i in 1...n {
                        p[0] = i
                        var j0 = 0
                        for j in 0...n {
                            minv[j] = .infinity
                            used[j] = 0
                        }
                        repeat {
                            used[j0] = 1
                            let i0 = p[j0]
                            let rowStart = i0 * stride
                            var delta = Double.infinity
                            var j1 = 0
                            for j in 1...n where used[j] == 0 {
                                let current = cost[rowStart + j] - u[i0] - v[j]
                                if current < minv[j] {
                                    minv[j] = current
                                    way[j] = j0
                                }
                                if minv[j] < delta {
                                    delta = minv[j]
                                    j1 = j
                                }
                            }
                            for j in 0...n {
                                if used[j] != 0 {
                                    u[p[j]] += delta
                                    v[j] -= delta
                                } else {
                                    minv[j] -= delta
                                }
                            }
                            j0 = j1
                        } while p[j0] != 0
                        repeat {
                            let j1 = way[j0]
                            p[j0] = p[j1]
                            j0 = j1
                        } while j0 != 0
                    }
                }
            }
        }
        let p = whole
        var result = [Int?](repeating: nil, count: rows)
        for j in 1...n where p[j] >= 1 && p[j] <= rows && j <= columns && j <= costs[p[j] - 1].count {
            result[p[j] - 1] = j - 1
        }
        return result
    }

    /// The assignment that maximizes total score (scores may be negative).
    public static func maximumScore(_ scores: [[Double]]) -> [Int?] {
        minimumCost(scores.map { $0.map { -$0 } })
    }
}

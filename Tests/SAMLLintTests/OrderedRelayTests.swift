import Dispatch
import Foundation
@testable import SAMLLint
import Testing

/// Chunks finished in any order on several threads reach the sink once each, in index order.
@Suite("Ordered relay of encoded chunks")
struct OrderedRelayTests {
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var chunks: [UInt8] = []
        private var inside = 0
        private(set) var overlapped = false
        var sink: ReportSink {
            { [self] bytes in
                lock.lock()
                inside += 1
                if inside > 1 { overlapped = true }
                lock.unlock()
                usleep(UInt32.random(in: 0...50))
                lock.lock()
                chunks += bytes
                inside -= 1
                lock.unlock()
                return true
            }
        }
    }

    @Test(arguments: [1, 2, 7, 200])
    func chunksArriveInOrder(count: Int) {
        let received = Received()
        let relay = OrderedRelay(count: count, sink: received.sink)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            usleep(UInt32.random(in: 0...200))  // finish out of order
            relay.deliver(index, [UInt8(truncatingIfNeeded: index)])
        }
        #expect(relay.outcome == .written)
        #expect(received.chunks == (0..<count).map { UInt8(truncatingIfNeeded: $0) })
        #expect(!received.overlapped)
    }

    @Test func aFailedChunkStopsTheWrites() {
        let received = Received()
        let relay = OrderedRelay(count: 5, sink: received.sink)
        relay.deliver(0, [0])
        relay.fail(encoding: true)
        relay.deliver(1, [1])
        #expect(relay.outcome == .unencodable)
        #expect(received.chunks == [0])
        #expect(!relay.isOpen)
    }
}

import Dispatch
@testable import SAMLLint
import Testing

/// A context's email-trust evaluator is built once and every thread gets that one.
@Suite("Context memo")
struct ContextMemoTests {
    final class Seen: @unchecked Sendable {
        var boxes: [ObjectIdentifier?]
        init(count: Int) { boxes = Array(repeating: nil, count: count) }
    }

    @Test func everyThreadGetsTheSameEvaluator() {
        for _ in 0..<20 {
            let context = LintContext()
            let seen = Seen(count: 64)
            seen.boxes.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: 64) { index in
                    slots[index] = ObjectIdentifier(EmailTrustEvaluator.shared(context))
                }
            }
            #expect(Set(seen.boxes.compactMap { $0 }).count == 1)
            #expect(seen.boxes.allSatisfy { $0 != nil })
            #expect(ObjectIdentifier(EmailTrustEvaluator.shared(context)) == seen.boxes[0])
        }
    }
}

import Synchronization

/// Values derived once from a context's configuration and rule data (both fixed for the context's
/// life), read without a lock by every worker: a shared lock here had the two workers of a folder
/// waiting on each other for every message.
public final class ContextMemo: Sendable {
    /// The email-trust evaluator's box, as the bits of a retained pointer (0 until built). A plain
    /// atomic word: `AtomicLazyReference` went through unspecialized generic code and a metadata
    /// lookup on each of the dozen reads a message makes.
    private let emailTrustBits = Atomic<UInt>(0)

    public init() {}

    deinit {
        let bits = emailTrustBits.load(ordering: .acquiring)
        if bits != 0 { Self.unmanaged(bits).release() }
    }

    /// The evaluator's box, built by `build` on first use (two threads may both build it; one
    /// result is kept and both return it).
    func emailTrust(_ build: () -> EmailTrustEvaluator) -> Boxed<EmailTrustEvaluator> {
        let bits = emailTrustBits.load(ordering: .acquiring)
        if bits != 0 { return Self.unmanaged(bits).takeUnretainedValue() }
        let made = Boxed(build())
        let madeBits = UInt(bitPattern: Unmanaged.passRetained(made).toOpaque())
        let (stored, current) = emailTrustBits.compareExchange(expected: 0, desired: madeBits, ordering: .acquiringAndReleasing)
        if stored { return made }
        Self.unmanaged(madeBits).release()
        return Self.unmanaged(current).takeUnretainedValue()
    }

    private static func unmanaged(_ bits: UInt) -> Unmanaged<Boxed<EmailTrustEvaluator>> {
        Unmanaged.fromOpaque(UnsafeRawPointer(bitPattern: bits)!)
    }
}

final class Boxed<T: Sendable>: Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

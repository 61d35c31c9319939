import Synchronization

/// Values derived once from a context's configuration and rule data (both fixed for the context's
/// life), read without a lock by every worker: a shared lock here had the two workers of a folder
/// waiting on each other for every message.
public final class ContextMemo: Sendable {
    let emailTrust = AtomicLazyReference<Boxed<EmailTrustEvaluator>>()

    public init() {}

    /// The value in `slot`, built by `build` on first use (two threads may both build it; one
    /// result is kept and both return it).
    func value<T: Sendable>(_ slot: borrowing AtomicLazyReference<Boxed<T>>, _ build: () -> T) -> T {
        box(slot, build).value
    }

    /// The box holding the value in `slot` (reading a field through it copies no other field).
    func box<T: Sendable>(_ slot: borrowing AtomicLazyReference<Boxed<T>>, _ build: () -> T) -> Boxed<T> {
        if let known = slot.load() { return known }
        return slot.storeIfNil(Boxed(build()))
    }
}

final class Boxed<T: Sendable>: Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

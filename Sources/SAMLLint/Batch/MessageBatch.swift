/// The messages a batch rule reads, with their grouping by connection made once for every batch
/// rule (each of them used to group the whole batch again).
public final class MessageBatch: Sendable {
    /// Every message's facts, in input order.
    public let messages: [MessageFacts]
    /// Messages with an assertion, grouped by connection (Issuer), connections sorted.
    public let byConnection: [(connection: String, messages: [MessageFacts])]

    public init(_ messages: [MessageFacts]) {
        self.messages = messages
        self.byConnection = messages.byConnection
    }
}

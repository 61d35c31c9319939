import Foundation

/// Decoded certificates remembered by their base64 text, for the run. Aggregates repeat
/// certificates (one key for signing and encryption, one per federation operator's hosted IdPs,
/// the same key for several entities of one organisation), and a decode (base64, then DER with
/// swift-asn1) costs far more than hashing the text. Keyed by the exact text bytes as written
/// (whitespace included): the same text always decodes to the same result, so a hit gives the
/// same findings as a decode. Bounded: when full, further certificates are decoded but not kept.
public final class CertificateCache: @unchecked Sendable {
    /// The DER bytes (empty when the base64 could not be decoded) and what was read from them.
    public struct Entry: Sendable {
        public let der: [UInt8]
        public let facts: Result<CertificateFacts, CertificateDecodingError>
    }

    private struct Slot {
        let text: [UInt8]
        let entry: Entry
    }

    /// Shared by every lint of the process (the CLI lints one run per process).
    public static let shared = CertificateCache(maxEntries: 4096)

    private let maxEntries: Int
    private let lock = NSLock()
    private var slots: [Int: Slot] = [:]

    public init(maxEntries: Int) { self.maxEntries = maxEntries }

    /// The decode of base64 text given as UTF-8 bytes (whitespace allowed), from the cache when
    /// the same text was decoded before.
    public func decode(base64UTF8 text: UnsafeBufferPointer<UInt8>) -> Entry {
        // Empty or over-long text is refused by the decoder at once; not worth remembering.
        guard maxEntries > 0, !text.isEmpty, text.count <= CertificateDecoder.maxBytes * 2 else { return Self.compute(text) }
        let key = Self.key(text)
        lock.lock()
        let slot = slots[key]
        lock.unlock()
        if let slot, slot.text.count == text.count,
            slot.text.withUnsafeBufferPointer({ memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 })
        {
            return slot.entry
        }
        let entry = Self.compute(text)
        lock.lock()
        let full = slots.count >= maxEntries
        lock.unlock()
        // Once full, nothing more is remembered: the first certificates stay (an aggregate's
        // repeats are mostly near each other or of a few federation-wide keys), and a run of
        // all-distinct certificates pays only the lookup.
        guard !full || slot != nil else { return entry }
        let stored = Slot(text: Array(text), entry: entry)
        lock.lock()
        slots[key] = stored
        lock.unlock()
        return entry
    }

    /// Hashes the length and the last 256 bytes: the end of a certificate's base64 is its
    /// signature, which differs between any two certificates. Equal keys are confirmed by
    /// comparing the whole text; a collision only costs a decode.
    private static func key(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(text.count)
        hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[max(0, text.count - 256)...])))
        return hasher.finalize()
    }

    private static func compute(_ text: UnsafeBufferPointer<UInt8>) -> Entry {
        let der: [UInt8]
        do throws(CertificateDecodingError) {
            der = try CertificateDecoder.derBytes(base64UTF8: text)
        } catch {
            return Entry(der: [], facts: .failure(error))
        }
        do throws(CertificateDecodingError) {
            return Entry(der: der, facts: .success(try CertificateDecoder.decode(der: der)))
        } catch {
            return Entry(der: der, facts: .failure(error))
        }
    }
}

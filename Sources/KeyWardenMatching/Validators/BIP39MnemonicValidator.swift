import Crypto
import KeyWardenSupport

/// A BIP-39 recovery phrase: 12, 15, 18, 21 or 24 words of the English list whose last bits are
/// the SHA-256 checksum of the entropy. A random run of list words passes with probability 1/16
/// at best (12 words), so ordinary prose is rejected; phrases whose entropy is one byte repeated
/// ("abandon … about", "legal winner …") are the published test vectors, not wallets.
///
/// A match may carry lowercase words around the phrase (`restore with: <phrase>`, the next
/// line of a file): the match is split into runs of list words, and a run must be a whole valid
/// phrase. Sub-runs are never tried: a 24-word phrase with a bad checksum holds many 12-word
/// runs, and one in sixteen would pass by chance.
public struct BIP39MnemonicValidator: SecretValidator {
    public static let name = "bip39"
    public init() {}

    static let wordIndex: [String: Int] = Dictionary(uniqueKeysWithValues: BIP39WordList.english.enumerated().map { ($1, $0) })
    static let wordCounts: Set<Int> = [12, 15, 18, 21, 24]

    public func isValid(_ secret: [UInt8]) -> Bool {
        let words = secret.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        var run: [ArraySlice<UInt8>] = []
        for word in words + [[]] {
            if !word.isEmpty, Self.wordIndex[String(decoding: word, as: UTF8.self)] != nil {
                run.append(word)
                continue
            }
            if Self.wordCounts.contains(run.count), let entropy = Self.entropy(of: Array(run.joined(separator: [0x20]))),
               Set(entropy).count > 1 {
                return true
            }
            run.removeAll()
        }
        return false
    }

    /// The entropy a phrase encodes, or nil when it is not a valid English BIP-39 phrase.
    static func entropy(of phrase: [UInt8]) -> [UInt8]? {
        let words = phrase.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard wordCounts.contains(words.count) else { return nil }
        var bits: [Bool] = []
        bits.reserveCapacity(words.count * 11)
        for word in words {
            guard let index = wordIndex[String(decoding: word, as: UTF8.self)] else { return nil }
            for shift in stride(from: 10, through: 0, by: -1) { bits.append(index >> shift & 1 == 1) }
        }
        let checksumBits = bits.count / 33
        let entropyBits = bits.count - checksumBits
        var entropy = [UInt8](repeating: 0, count: entropyBits / 8)
        for bit in 0..<entropyBits where bits[bit] { entropy[bit / 8] |= 0x80 >> UInt8(bit % 8) }
        let hash = Array(SHA256.hash(data: entropy))
        for bit in 0..<checksumBits where bits[entropyBits + bit] != (hash[bit / 8] & (0x80 >> UInt8(bit % 8)) != 0) {
            return nil
        }
        return entropy
    }
}

import KeyWardenSupport
/// A Bitcoin private key in wallet import format: base58check of version 0x80 (mainnet) or 0xEF
/// (testnet), 32 key bytes, and 0x01 when the public key is compressed. Checking the version and
/// length as well as the checksum keeps other base58check values (addresses) out.
public struct BitcoinWIFValidator: SecretValidator {
    public static let name = "bitcoin-wif"
    public init() {}

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard let payload = Base58.decodeChecked(secret), payload.first == 0x80 || payload.first == 0xEF else { return false }
        return payload.count == 33 || (payload.count == 34 && payload[33] == 0x01)
    }
}

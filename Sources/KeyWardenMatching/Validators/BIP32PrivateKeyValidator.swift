import KeyWardenSupport
/// A BIP-32 extended private key (xprv, tprv and the SLIP-132 yprv, zprv, Yprv, Zprv, uprv, vprv,
/// Uprv, Vprv): base58check of 78 bytes starting with a private version, whose key field is
/// 0x00 followed by the 32-byte key. Extended public keys (xpub…) fail the version check.
public struct BIP32PrivateKeyValidator: SecretValidator {
    public static let name = "bip32-private-key"
    public init() {}

    static let privateVersions: Set<UInt32> = [
        0x0488_ADE4, 0x0435_8394, // xprv, tprv
        0x049D_7878, 0x044A_4E28, // yprv, uprv
        0x04B2_430C, 0x045F_18BC, // zprv, vprv
        0x0295_B005, 0x0242_85B5, // Yprv, Uprv
        0x02AA_7A99, 0x0257_5048, // Zprv, Vprv
    ]

    public func isValid(_ secret: [UInt8]) -> Bool {
        guard let payload = Base58.decodeChecked(secret), payload.count == 78 else { return false }
        let version = payload.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Self.privateVersions.contains(version) && payload[45] == 0x00
    }
}

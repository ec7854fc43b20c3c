import Foundation
import KeyWardenTestSupport
@testable import KeyWardenAccounts
@testable import KeyWardenAudit
@testable import KeyWardenHooks
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import Testing

/// The wallet-secret validators against published test vectors: BIP-39 (the vectors of the
/// reference implementation, PyPI `mnemonic`, in Fixtures/bip39-vectors.json), BIP-32 test
/// vectors 1 and 2, and the Bitcoin wiki's WIF example.
@Suite struct WalletValidatorTests {
    struct BIP39Vector: Decodable {
        let entropy: String
        let mnemonic: String
    }

    static let bip39Vectors: [BIP39Vector] = {
        let path = URL(fileURLWithPath: PackagePaths.root + "/Tests/KeyWardenCoreTests/Fixtures/bip39-vectors.json")
        return (try? JSONDecoder().decode([BIP39Vector].self, from: Data(contentsOf: path))) ?? []
    }()

    // BIP-32 test vector 1 (seed 000102030405060708090a0b0c0d0e0f), chain m, and test vector 2, chain m.
    static let bip32Vector1Private = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
    static let bip32Vector1Public = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8"
    static let bip32Vector2Private = "xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PFmM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U"
    // The Bitcoin wiki's wallet-import-format example, for key 0C28FCA3…72AA1D.
    static let wikiWIF = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
    static let wikiKey = "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d"

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `text` with the character at `index` replaced by another base58 character.
    static func changingOneCharacter(_ text: String, at index: Int) -> String {
        var characters = Array(text)
        characters[index] = characters[index] == "2" ? "3" : "2"
        return String(characters)
    }

    @Test func theBIP39FixtureHoldsTheReferenceVectors() {
        #expect(Self.bip39Vectors.count == 24)
        #expect(Set(Self.bip39Vectors.map { $0.mnemonic.split(separator: " ").count }) == [12, 18, 24])
    }

    @Test func everyBIP39VectorDecodesToItsEntropy() {
        for vector in Self.bip39Vectors {
            #expect(BIP39MnemonicValidator.entropy(of: Self.bytes(vector.mnemonic))?.hexString == vector.entropy, "\(vector.mnemonic)")
        }
    }

    @Test func bip39VectorsWithVariedEntropyAreReportableWallets() {
        let varied = Self.bip39Vectors.filter { Set($0.entropy).count > 2 }
        #expect(varied.count >= 12)
        for vector in varied { #expect(BIP39MnemonicValidator().isValid(Self.bytes(vector.mnemonic)), "\(vector.mnemonic)") }
    }

    @Test func bip39VectorsOfOneRepeatedByteAreTestPhrasesNotWallets() {
        let repeated = Self.bip39Vectors.filter { Set($0.entropy.chunked(2)).count == 1 }
        #expect(repeated.count >= 8) // 00…, 7f…, 80…, ff… at three lengths
        for vector in repeated { #expect(!BIP39MnemonicValidator().isValid(Self.bytes(vector.mnemonic)), "\(vector.mnemonic)") }
    }

    @Test func aOneCharacterChangeToAMnemonicIsRejected() throws {
        let vector = try #require(Self.bip39Vectors.first { $0.entropy == "9e885d952ad362caeb4efe34a8e91bd2" })
        #expect(BIP39MnemonicValidator().isValid(Self.bytes(vector.mnemonic)))
        var misspelt = Array(vector.mnemonic)
        misspelt[misspelt.count - 1] = misspelt.last == "c" ? "d" : "c" // "picnic" -> "picnid"
        #expect(!BIP39MnemonicValidator().isValid(Self.bytes(String(misspelt))))
    }

    @Test func anotherListWordInPlaceOfTheLastBreaksTheChecksum() throws {
        let vector = try #require(Self.bip39Vectors.first { $0.entropy == "9e885d952ad362caeb4efe34a8e91bd2" })
        var words = vector.mnemonic.split(separator: " ").map(String.init)
        let last = try #require(BIP39MnemonicValidator.wordIndex[words[11]])
        words[11] = BIP39WordList.english[last ^ 1] // same entropy bits, different checksum bit
        #expect(!BIP39MnemonicValidator().isValid(Self.bytes(words.joined(separator: " "))))
    }

    @Test func aPhraseMayBeWrittenAcrossLinesAndBeSurroundedByOtherWords() throws {
        let vector = try #require(Self.bip39Vectors.first { $0.entropy == "9e885d952ad362caeb4efe34a8e91bd2" })
        let words = vector.mnemonic.split(separator: " ")
        let sixPerLine = words[0..<6].joined(separator: " ") + "\n" + words[6..<12].joined(separator: " ")
        #expect(BIP39MnemonicValidator().isValid(Self.bytes("restore with \(sixPerLine)\nthe end")))
        #expect(!BIP39MnemonicValidator().isValid(Self.bytes(words[0..<11].joined(separator: " "))))
    }

    @Test func bip32TestVectorMasterKeysAreExtendedPrivateKeys() {
        #expect(BIP32PrivateKeyValidator().isValid(Self.bytes(Self.bip32Vector1Private)))
        #expect(BIP32PrivateKeyValidator().isValid(Self.bytes(Self.bip32Vector2Private)))
    }

    @Test func extendedPublicKeysPassTheChecksumButAreNotPrivate() {
        #expect(Base58CheckValidator().isValid(Self.bytes(Self.bip32Vector1Public)))
        #expect(!BIP32PrivateKeyValidator().isValid(Self.bytes(Self.bip32Vector1Public)))
    }

    @Test func aOneCharacterChangeToAnXprvIsRejected() {
        for index in [4, 40, 80, 110] {
            let changed = Self.changingOneCharacter(Self.bip32Vector1Private, at: index)
            #expect(!BIP32PrivateKeyValidator().isValid(Self.bytes(changed)), "index \(index)")
            #expect(!Base58CheckValidator().isValid(Self.bytes(changed)))
        }
    }

    @Test func theWikiWIFDecodesToItsKeyWithTheMainnetVersion() throws {
        let payload = try #require(Base58.decodeChecked(Self.bytes(Self.wikiWIF)))
        #expect(payload.first == 0x80)
        #expect(payload.dropFirst().hexString == Self.wikiKey)
        #expect(BitcoinWIFValidator().isValid(Self.bytes(Self.wikiWIF)))
    }

    @Test func aCompressedWIFCarriesTheCompressionFlag() throws {
        let key = try #require(Base58.decodeChecked(Self.bytes(Self.wikiWIF))).dropFirst()
        let compressed = Base58.encodeChecked([0x80] + key + [0x01])
        #expect(compressed.hasPrefix("K") || compressed.hasPrefix("L"))
        #expect(BitcoinWIFValidator().isValid(Self.bytes(compressed)))
    }

    @Test func aOneCharacterChangeToAWIFIsRejected() {
        for index in [1, 20, 50] {
            #expect(!BitcoinWIFValidator().isValid(Self.bytes(Self.changingOneCharacter(Self.wikiWIF, at: index))), "index \(index)")
        }
    }

    @Test func base58checkOfAnotherVersionIsNotAWIF() {
        let address = Base58.encodeChecked([0x00] + [UInt8](repeating: 0x42, count: 20)) // a P2PKH address shape
        #expect(Base58CheckValidator().isValid(Self.bytes(address)))
        #expect(!BitcoinWIFValidator().isValid(Self.bytes(address)))
    }

    @Test func base58RoundTripsLeadingZeros() {
        let data: [UInt8] = [0, 0, 1, 2, 255]
        #expect(Base58.decode(Self.bytes(Base58.encode(data))) == data)
        #expect(Base58.encode([0, 0]) == "11")
        #expect(Base58.decode(Self.bytes("0OIl")) == nil)
    }

    @Test func solanaKeypairArraysOfSixtyFourBytesAreAccepted() {
        var generator = SystemRandomNumberGenerator()
        let keypair = (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) | 0x40 }
        #expect(SolanaSecretKeyValidator().isValid(Self.bytes("[" + keypair.map(String.init).joined(separator: ",") + "]")))
        #expect(SolanaSecretKeyValidator().isValid(Self.bytes(Base58.encode(keypair))))
    }

    @Test func solanaValidatorRejectsTablesWrongLengthsAndOutOfRangeNumbers() {
        #expect(!SolanaSecretKeyValidator().isValid(Self.bytes("[" + (0..<64).map(String.init).joined(separator: ",") + "]")))
        #expect(!SolanaSecretKeyValidator().isValid(Self.bytes("[" + (100..<163).map(String.init).joined(separator: ",") + "]")))
        #expect(!SolanaSecretKeyValidator().isValid(Self.bytes("[" + (100..<163).map(String.init).joined(separator: ",") + ",256]")))
    }

    @Test func dockerAuthMustDecodeToUserColonPassword() {
        #expect(BasicAuthValidator().isValid(Self.bytes(Data("deploy:Vq8ZrT2m".utf8).base64EncodedString())))
        #expect(!BasicAuthValidator().isValid(Self.bytes(Data("no colon here".utf8).base64EncodedString())))
        #expect(!BasicAuthValidator().isValid(Self.bytes(Data(":nouser".utf8).base64EncodedString())))
    }
}

extension String {
    /// Consecutive pieces of `size` characters.
    func chunked(_ size: Int) -> [String] {
        stride(from: 0, to: count, by: size).map { String(dropFirst($0).prefix(size)) }
    }
}

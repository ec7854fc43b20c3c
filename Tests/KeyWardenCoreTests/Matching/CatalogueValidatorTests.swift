@testable import KeyWardenMatching
import Testing

/// The checksum and structure validators of the provider catalogue, each on a value built in
/// its documented format and on the same value with one character changed.
@Suite struct CatalogueValidatorTests {
    private func valid<V: SecretValidator>(_ validator: V, _ text: String) -> Bool { validator.isValid(Array(text.utf8)) }

    /// One character changed in the middle: checksums and structures catch it.
    private func corrupted(_ text: String) -> String {
        var characters = Array(text)
        let middle = characters.count / 2
        characters[middle] = characters[middle] == "A" ? "B" : "A"
        return String(characters)
    }

    @Test func jsrTokenChecksumCoversItsPrefix() {
        #expect(valid(SuffixCRC32Base62Validator(), "jsrp_Zqumpm08hsE8JNpjJOQGa2rb19FlY0MP9iw"))
        #expect(!valid(SuffixCRC32Base62Validator(), corrupted("jsrp_Zqumpm08hsE8JNpjJOQGa2rb19FlY0MP9iw")))
    }

    @Test func gitlabRoutableTokenLengthAndCRCAreChecked() {
        #expect(valid(GitLabRoutableTokenValidator(), "glft-yXxQPplH8ACyjkz4jmBQlm7knI4pShZFC8ZrXbeg.14015x4s7"))
        #expect(!valid(GitLabRoutableTokenValidator(), corrupted("glft-yXxQPplH8ACyjkz4jmBQlm7knI4pShZFC8ZrXbeg.14015x4s7")))
        // Legacy tokens have no checksum to check.
        #expect(valid(GitLabRoutableTokenValidator(), "glpat-Xq7Zr2Kp9Wm4-v8Lq1Ns"))
    }

    @Test func grafanaServiceAccountChecksumIsLittleEndianCRC() {
        #expect(valid(GrafanaServiceAccountTokenValidator(), "glsa_FOcVwWBhqG5KSFdPE0SPgjtHfb1F6w70_75e06a6c"))
        #expect(!valid(GrafanaServiceAccountTokenValidator(), corrupted("glsa_FOcVwWBhqG5KSFdPE0SPgjtHfb1F6w70_75e06a6c")))
    }

    @Test func pypiTokenMustBeAMacaroonForPyPI() {
        #expect(valid(PyPIMacaroonValidator(), "pypi-AgEIcHlwaS5vcmcCKMBqkwAPy3slwtTB5wazAj0Wqux3Hd1j-Xka4toiPUI1xdYWKSomBgwAAAYg9d47q4DFYff7k7a7mWp9gUSZ1uIaeJ9qS4pGSXTfMAQ"))
        #expect(!valid(PyPIMacaroonValidator(), "pypi-AgEIcHlwaS5vcmcJBWhlbGxv"))
    }

    @Test func privateKeyKindsAreToldFromTheirStructure() {
        #expect(PrivateKeyInspector.kind(of: Array("""
-----BEGIN RSA PRIVATE KEY-----
MIIBOwIBAAJBAMXhOFxOqRmcjPI2/aLLfRqH3mY4lvcIJEGJP7UAQvsny6zLAOkQ
dzqtdoMCmDIOcHC8+oE+5qxL5XbBts+x0BcCAwEAAQJBAISBLQl6zvdMgoFLW4pg
stRKOR3ANS8Ub5rG+jcNBs1AiieCt6SygtM5u6ZXks5/koDaxkrUyMtvKmqy1dnJ
n5ECIQDoblMpo/r9Hyafz7Wxsy+sYDdGT9D877in2dT5SUmE7wIhANnx+yCMBff7
l12RneuEizysjCApFM3DmU1vHQa4IPdZAiAkWxVg/whETXoSJ0ApUnjTgp1CvztW
RPziLF12vLLmOwIgQu+u0TAwJRmAQ5yVg+ARY3EbGEWFvix0yPN3Vrj2ZwECIQCy
qnaTacp8w/DB9YTEjKszRNjTj1y77fJHHiGbOsqb9g==
-----END RSA PRIVATE KEY-----
""".utf8)) == .rsa)
        #expect(PrivateKeyInspector.kind(of: Array("""
-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIAOmL9y7HchHs5HFjPoEzo1QETtAK/qjo5BAuYsZxkzSoAoGCCqGSM49
AwEHoUQDQgAEilpOqbnDX8a9i5cQSj7F8BV2pUGc1vSWH79MOruo36/DdQjcNikQ
HU1eNa91rQWA2vrNEJQHAPfhVpFJTsySIQ==
-----END EC PRIVATE KEY-----
""".utf8)) == .ec)
        #expect(PrivateKeyInspector.kind(of: Array("""
-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEICgBUdERnp+JEYv19pdvbgRYu7MijMQGT7qubxqeINum
-----END PRIVATE KEY-----
""".utf8)) == .ed25519)
        #expect(PrivateKeyInspector.kind(of: Array("""
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACB2ftKLL+1g+qRI2RNQvh2EWGDzHEgDM6jy/LCU3ZrANgAAAIg97flZPe35
WQAAAAtzc2gtZWQyNTUxOQAAACB2ftKLL+1g+qRI2RNQvh2EWGDzHEgDM6jy/LCU3ZrANg
AAAEAo60/QrgOqkpKLRjFi76CrEQJUkglTCa9IfBLEE3xKb3Z+0osv7WD6pEjZE1C+HYRY
YPMcSAMzqPL8sJTdmsA2AAAAAAECAwQF
-----END OPENSSH PRIVATE KEY-----
""".utf8)) == .openssh)
    }

    @Test func privateKeyInAJSONStringIsRead() {
        #expect(PrivateKeyInspector.kind(of: Array("-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIAOmL9y7HchHs5HFjPoEzo1QETtAK/qjo5BAuYsZxkzSoAoGCCqGSM49\\nAwEHoUQDQgAEilpOqbnDX8a9i5cQSj7F8BV2pUGc1vSWH79MOruo36/DdQjcNikQ\\nHU1eNa91rQWA2vrNEJQHAPfhVpFJTsySIQ==\\n-----END EC PRIVATE KEY-----".utf8)) == .ec)
    }

    @Test func truncatedPrivateKeysAreRejected() {
        #expect(PrivateKeyInspector.kind(of: Array("""
-----BEGIN RSA PRIVATE KEY-----
MIIBOwIBAAJBAMXhOFxOqRmcjPI2/aLLfRqH3mY4lvcIJEGJP7UAQvsny6zLAOkQ
dzqtdoMCmDIOcHC8+oE+5qxL5XbBts+x0BcCAwEAAQJBAISBLQl6zvdMgoFLW4pg
-----END RSA PRIVATE KEY-----
""".utf8)) == nil)
        #expect(PrivateKeyInspector.kind(of: Array("""
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACB2ftKLL+1g+qRI2RNQvh2EWGDzHEgDM6jy/LCU3ZrANgAAAIg97flZPe35
-----END OPENSSH PRIVATE KEY-----
""".utf8)) == nil)
    }

    @Test func publicKeysAndInventedBodiesAreRejected() {
        let publicKey = """
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHZ+0osv7WD6pEjZE1C+HYRYYPMcSAMzqPL8sJTdmsA2
"""
        #expect(!valid(PrivateKeyValidator(), publicKey))
        let invented = """
        -----BEGIN RSA PRIVATE KEY-----
        PJeLIV7qmnmglBCbA+jWeEKNOzH+t3iK1ox5ZaPcJjuiJt7thWO9A6vGECjC9ZcK
        -----END RSA PRIVATE KEY-----
        """
        #expect(!valid(PrivateKeyValidator(), invented))
    }
}

@testable import KeyWardenInputs
import KeyWardenTestSupport

extension GitTestRepository {
    /// The repository as the scanner's git layer sees it.
    func repository() throws -> GitRepository { try GitRepository(at: path) }
}

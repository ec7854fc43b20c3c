#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import KeyWardenInputs
import KeyWardenTestSupport
import Testing

@Suite struct DirectoryRecordTests {
    /// A record as readdir leaves it at the end of its buffer, here the end of a page whose next
    /// page cannot be read: its name and type are read within the record. Copying `d_name`
    /// whole (256 bytes) reads into the next page and crashes this test.
    @Test func aRecordEndingAtAnUnreadablePageIsReadWithinIt() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let memory = try #require(mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        try #require(memory != MAP_FAILED)
        defer { munmap(memory, 2 * page) }
        try #require(mprotect(memory + page, page, PROT_NONE) == 0)

        let name = Array("config.yaml".utf8)
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        // Records are 8-byte aligned and as long as their name and NUL need.
        let length = (nameOffset + name.count + 1 + 7) / 8 * 8
        let record = memory + page - length
        record.initializeMemory(as: UInt8.self, repeating: 0, count: length)
        (record + MemoryLayout<dirent>.offset(of: \dirent.d_type)!).storeBytes(of: UInt8(DT_REG), as: UInt8.self)
        (record + nameOffset).copyMemory(from: name, byteCount: name.count)
        let entry = UnsafePointer(record.bindMemory(to: dirent.self, capacity: 1))

        #expect(DirectoryRecord.name(of: entry) == name)
        #expect(DirectoryRecord.type(of: entry) == UInt8(DT_REG))
    }

    /// Names of every length a file system allows come out of a real walk whole.
    @Test func namesOfEveryLengthAreWalked() throws {
        let directory = try TemporaryDirectory()
        let names = (1...255).map { String(repeating: "n", count: $0 - 1) + "\($0 % 10)" }
        for name in names { try directory.write(name, "x") }
        let walked = try DirectorySource(roots: [directory.path]).entries().files.map(\.relativePath)
        #expect(walked.sorted() == names.sorted())
    }
}

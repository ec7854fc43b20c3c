import Foundation
import KeyWardenTestSupport
import Testing

/// Archives are opened and their members scanned, nested down to --archive-depth, with findings
/// pointing inside (`outer.zip!/inner.jar!/path:line`); a layered bomb is bounded in memory and
/// time and says what it did not open. The archives are built by Python's zipfile and tarfile.
@Suite struct ArchiveScanTests {
    static let token = "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"

    func build(_ script: String, in directory: TemporaryDirectory) throws {
        let outcome = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script], in: directory.path,
                                            environment: ProcessInfo.processInfo.environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    func findings(_ outcome: ProcessRunner.Outcome) throws -> [String] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        return findings.map { "\(($0["path"] as? String).map { URL(fileURLWithPath: $0).path.components(separatedBy: "/tree/").last ?? $0 } ?? ""):\($0["line"] ?? 0)" }
    }

    @Test func membersOfNestedAndCompressedArchivesAreFoundWhereTheyAre() throws {
        let directory = try TemporaryDirectory()
        try build("""
            import zipfile, tarfile, io, gzip, os
            tok = "\(Self.token)"
            os.makedirs("tree/dist", exist_ok=True)
            inner = io.BytesIO()
            with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("config/application.properties", "# service\\ngithub.token=" + tok + "\\n")
                z.writestr("com/example/App.class", b"\\xca\\xfe\\xba\\xbe\\x00\\x00\\x00\\x34")
            with zipfile.ZipFile("tree/dist/release.zip", "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("lib/app.jar", inner.getvalue())
                z.writestr("README.txt", "nothing to see\\n")
            with tarfile.open("tree/backup.tar.gz", "w:gz") as t:
                data = ("#!/bin/sh\\nexport GITHUB_TOKEN=" + tok + "\\n").encode()
                info = tarfile.TarInfo("deploy/env.sh"); info.size = len(data); t.addfile(info, io.BytesIO(data))
            open("tree/notes.txt.gz", "wb").write(gzip.compress(("token: " + tok + "\\n").encode()))
            """, in: directory)
        let outcome = try CLIHarness.run(["scan", directory.path + "/tree", "--format", "json"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(try findings(outcome) == ["backup.tar.gz!/deploy/env.sh:2", "dist/release.zip!/lib/app.jar!/config/application.properties:2",
                                          "notes.txt.gz!/notes.txt:1"])
        #expect(!outcome.stderr.contains("App.class"), "binary members are not listed one by one")

        let shallow = try CLIHarness.run(["scan", directory.path + "/tree", "--format", "json", "--archive-depth", "1", "--verbose"])
        #expect(try findings(shallow) == ["backup.tar.gz!/deploy/env.sh:2", "notes.txt.gz!/notes.txt:1"])
        #expect(shallow.stderr.contains("release.zip!/lib/app.jar: archive nested deeper than --archive-depth"), "\(shallow.stderr)")

        let off = try CLIHarness.run(["scan", directory.path + "/tree", "--format", "json", "--archive-depth", "0"])
        #expect(try findings(off).isEmpty)
    }

    /// Zips of zips of a 10 MiB run of zeros, sixteen copies a layer: small on disk, large
    /// expanded. The scan ends quickly, in bounded memory, and reports the layers it left closed.
    @Test func aLayeredBombIsBoundedAndSaysSo() throws {
        let directory = try TemporaryDirectory()
        try build("""
            import zipfile, io, os
            os.makedirs("tree", exist_ok=True)
            layer = io.BytesIO()
            with zipfile.ZipFile(layer, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("zeros.txt", b"0" * (10 * 1024 * 1024 + 1))
            for level in range(3):
                outer = io.BytesIO()
                with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as z:
                    for copy in range(16):
                        z.writestr("layer%d-%02d.zip" % (level, copy), layer.getvalue())
                layer = outer
            open("tree/bomb.zip", "wb").write(layer.getvalue())
            """, in: directory)
        // Peak memory of the scan, measured by its parent.
        let measure = """
            import resource, subprocess, sys
            done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
            print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
            sys.stderr.write(done.stderr)
            """
        for depth in ["2", "4"] {
            let started = Date()
            let outcome = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", measure, CLIHarness.binary, "scan",
                                                                 directory.path + "/tree", "--archive-depth", depth],
                                                in: directory.path, environment: ["XDG_CACHE_HOME": CLIHarness.cacheHome,
                                                                                  "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
            let fields = outcome.stdout.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            #expect(fields.first == 0, "depth \(depth): \(outcome.stdout) \(outcome.stderr)")
            #expect((fields.last ?? .max) < 200, "depth \(depth): peak RSS \(fields.last ?? -1) MiB")
            #expect(Date().timeIntervalSince(started) < 60)
            // Depth 2 leaves the third layer closed (one summary line); depth 4 opens enough to
            // see the ratio of a bomb and refuses the whole archive.
            let said = depth == "2" ? "skipped 256 archives nested too deep" : "bomb.zip: archive not scanned: compression ratio over 200:1"
            #expect(outcome.stderr.contains(said), "depth \(depth): \(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "depth \(depth): \(outcome.stderr)")
        }
    }

    @Test func anArchiveCommittedToHistoryIsOpenedThere() throws {
        let repository = try GitTestRepository()
        let outcome = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", """
            import zipfile
            with zipfile.ZipFile("release.zip", "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("config/app.env", "# prod\\nGITHUB_TOKEN=\(Self.token)\\n")
            """], in: repository.path, environment: ProcessInfo.processInfo.environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let added = try repository.commit("add release")
        try repository.remove("release.zip")
        try repository.commit("remove release")
        let scan = try CLIHarness.run(["scan", "--git", repository.path, "--format", "json"], environment: GitIsolation.environment())
        #expect(scan.status == 1, "\(scan.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(scan.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["path"] ?? ""):\($0["line"] ?? 0)@\($0["commit"] ?? "")" } == ["release.zip!/config/app.env:2@\(added)"])
    }
}

import Foundation
import KeyWardenTestSupport
import Testing

/// `scan --image` on images assembled by the test (no daemon): a `docker save` tarball and an
/// OCI layout directory, each with a secret in a layer file and one in an `ENV`.
@Suite struct ImageScanTests {
    static let fileToken = "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"
    static let envToken = "glpat-Xq3vR8mZ2kLp7Tn4Wc9B"

    /// Writes the image with Python's tarfile: layer tars (the second one gzipped), a config with
    /// Env and history, and the manifest naming them.
    func buildImage(oci: Bool, in directory: TemporaryDirectory) throws -> String {
        let script = """
            import io, json, tarfile, gzip, hashlib, os, sys
            oci = \(oci ? "True" : "False")
            def tar(files, compress=False):
                raw = io.BytesIO()
                with tarfile.open(fileobj=raw, mode="w") as t:
                    for name, text in files.items():
                        data = text.encode(); info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
                data = raw.getvalue()
                return gzip.compress(data) if compress else data
            layers = [tar({"etc/os-release": "ID=debian\\n"}),
                      tar({"app/config.env": "# deploy\\nGITHUB_TOKEN=\(Self.fileToken)\\n", "app/main.py": "print('hi')\\n"}, compress=True)]
            config = json.dumps({"architecture": "amd64", "os": "linux",
                                 "config": {"Env": ["PATH=/usr/bin", "GITLAB_TOKEN=\(Self.envToken)"], "Cmd": ["python3", "app/main.py"]},
                                 "history": [{"created_by": "/bin/sh -c #(nop) ADD file:abc in /"},
                                             {"created_by": "/bin/sh -c #(nop)  ENV GITLAB_TOKEN=\(Self.envToken)"}],
                                 "rootfs": {"type": "layers", "diff_ids": []}}).encode()
            def digest(data): return "sha256:" + hashlib.sha256(data).hexdigest()
            blobs = {digest(b): b for b in layers + [config]}
            manifest = {"schemaVersion": 2, "config": {"digest": digest(config), "size": len(config)},
                        "layers": [{"digest": digest(l), "size": len(l)} for l in layers]}
            manifest_data = json.dumps(manifest).encode(); blobs[digest(manifest_data)] = manifest_data
            if oci:
                os.makedirs("image/blobs/sha256", exist_ok=True)
                for d, b in blobs.items(): open("image/blobs/sha256/" + d.split(":")[1], "wb").write(b)
                open("image/oci-layout", "w").write(json.dumps({"imageLayoutVersion": "1.0.0"}))
                open("image/index.json", "w").write(json.dumps({"schemaVersion": 2, "manifests": [{"digest": digest(manifest_data), "size": len(manifest_data)}]}))
            else:
                with tarfile.open("image.tar", "w") as t:
                    for d, b in blobs.items():
                        info = tarfile.TarInfo("blobs/sha256/" + d.split(":")[1]); info.size = len(b); t.addfile(info, io.BytesIO(b))
                    saved = json.dumps([{"Config": "blobs/sha256/" + digest(config).split(":")[1], "RepoTags": ["app:latest"],
                                         "Layers": ["blobs/sha256/" + digest(l).split(":")[1] for l in layers]}]).encode()
                    info = tarfile.TarInfo("manifest.json"); info.size = len(saved); t.addfile(info, io.BytesIO(saved))
            print(digest(layers[1]).split(":")[1])
            """
        let outcome = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script], in: directory.path,
                                            environment: ProcessInfo.processInfo.environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: [false, true])
    func aLayerFileAndAnEnvAreFoundNamingTheLayer(oci: Bool) throws {
        let directory = try TemporaryDirectory()
        let layer = try buildImage(oci: oci, in: directory)
        let image = directory.path + (oci ? "/image" : "/image.tar")
        let outcome = try CLIHarness.run(["scan", "--image", image, "--format", "json"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let places = findings.map { "\($0["rule"] ?? ""):\(($0["path"] as? String ?? "").replacingOccurrences(of: image, with: "IMAGE"))" }
        #expect(places.contains("github-token:IMAGE!/blobs/sha256/\(layer)!/app/config.env"), "\(places)")
        #expect(places.contains { $0.hasPrefix("gitlab-token:IMAGE!/blobs/sha256/") && $0.hasSuffix("!/Env and history") }, "\(places)")
        #expect(!outcome.stdout.contains(Self.fileToken) && !outcome.stdout.contains(Self.envToken))
    }

    @Test func somethingThatIsNotAnImageIsSkippedWithAReason() throws {
        let directory = try TemporaryDirectory()
        try directory.write("not-an-image.tar", "plain text\n")
        let outcome = try CLIHarness.run(["scan", "--image", directory.path + "/not-an-image.tar"])
        #expect(outcome.stderr.contains("warning: skipped"), "\(outcome.stderr)")
    }
}

import Foundation
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

/// Credentials in the files people leak next to their keys, each written as the tool writes it.
@Suite struct WellKnownFileTests {
    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let text: String
        let rule: String
        let secret: String
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: ".netrc", text: "machine api.example.net\n  login deploy\n  password Vq8ZrT2mLx9Kw4Pn\n",
             rule: "netrc-password", secret: "Vq8ZrT2mLx9Kw4Pn"),
        Case(file: ".pgpass", text: "db.internal:5432:ledger:app:Hf5Yc0Ge2Ja7Uo4R\n",
             rule: "pgpass-password", secret: "Hf5Yc0Ge2Ja7Uo4R"),
        Case(file: ".git-credentials", text: "https://deploy:Zx8KqP2mN7vB4cR9@git.example.com\n",
             rule: "url-embedded-credentials", secret: "Zx8KqP2mN7vB4cR9"),
        Case(file: ".npmrc", text: "//registry.example.com/:_authToken=Zx8KqP2mN7vB4cR9tY6wQ1eL\n",
             rule: "npmrc-auth-token", secret: "Zx8KqP2mN7vB4cR9tY6wQ1eL"),
        Case(file: "config.json", text: "{\"auths\": {\"ghcr.io\": {\"auth\": \"ZGVwbG95OlZxOFpyVDJtTHg5S3c0UG4=\"}}}\n",
             rule: "docker-config-auth", secret: "ZGVwbG95OlZxOFpyVDJtTHg5S3c0UG4="),
        Case(file: ".s3cfg", text: "[default]\naccess_key = AKIAQWERTY7ABCD2EFGH\nsecret_key = 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\n",
             rule: "aws-secret-key-setting", secret: "Zx8KqP2mN7vB4cR9tY6wQ1eLh3Gj5Fd0Sa2E7uIo"),
        Case(file: ".htpasswd", text: "admin:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/\n",
             rule: "password-hash", secret: "$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/"),
        Case(file: "wp-config.php", text: "<?php\ndefine( 'DB_PASSWORD', 'Vq8ZrT2mLx9Kw4Pn' );\n",
             rule: "php-define-secret", secret: "Vq8ZrT2mLx9Kw4Pn"),
        Case(file: "config/secrets.yml",
             text: "production:\n  secret_key_base: 3e8b1d6f9a2c5e7b0d3f6a9c2e5b8d1f4a7c0e3b6d9f2a5c8e1b4d7f0a3c6e9b\n",
             rule: "rails-secret-key-base", secret: "3e8b1d6f9a2c5e7b0d3f6a9c2e5b8d1f4a7c0e3b6d9f2a5c8e1b4d7f0a3c6e9b"),
        Case(file: "application.properties", text: "spring.datasource.password=Vq8ZrT2mLx9Kw4Pn\n",
             rule: "spring-property-secret", secret: "Vq8ZrT2mLx9Kw4Pn"),
        Case(file: "web.config",
             text: "<connectionStrings><add name=\"Main\" connectionString=\"Server=db01;Database=Orders;User Id=svc;Password=Hf5!Yc0Ge2Ja7;\" /></connectionStrings>\n",
             rule: "connection-string-password", secret: "Hf5!Yc0Ge2Ja7"),
        Case(file: "settings.xml", text: "<server><id>nexus</id><password>Vq8ZrT2mLx9Kw4Pn</password></server>\n",
             rule: "xml-password-element", secret: "Vq8ZrT2mLx9Kw4Pn"),
    ]

    @Test(arguments: cases)
    func theCredentialInTheFileIsFoundByItsRule(_ example: Case) throws {
        let scanner = try SharedScanner.builtin.get()
        let findings = try scanner.findings(in: Array(example.text.utf8), worker: scanner.makeWorker()).map { $0.placed(at: example.file) }
        #expect(findings.map(\.rule) == [example.rule])
        #expect(findings.first?.secret == example.secret)
    }

    @Test func theSameFilesWithPlaceholdersAreClean() throws {
        let scanner = try SharedScanner.builtin.get()
        let text = """
        machine api.example.net login deploy password changeme
        //registry.npmjs.org/:_authToken=${NPM_TOKEN}
        spring.datasource.password=${DB_PASSWORD}
        define('DB_PASSWORD', 'password');
        <password>${db.password}</password>
        aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
        """
        #expect(try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker()).map { $0.placed(at: "mixed") }.isEmpty)
    }
}

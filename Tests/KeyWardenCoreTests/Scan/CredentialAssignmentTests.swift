@testable import KeyWardenMatching
@testable import KeyWardenScan
import Testing

/// Credential-named assignments of literals, as people write them in real code and config: the
/// name is the evidence, so low-entropy passwords count, and what is not a literal does not.
@Suite struct CredentialAssignmentTests {
    func secrets(in text: String) throws -> [String] {
        let scanner = try builtinScanner()
        return try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker()).map(\.secret)
    }

    @Test func dotEnvPasswordsAreFoundEvenWhenWeak() throws {
        let env = """
            APP_NAME=shop
            APP_ENV=production
            DB_HOST=10.0.3.7
            DB_USERNAME=shop
            DB_PASSWORD=admin123
            MAIL_PASSWORD=Wint3r-is-coming
            CACHE_TTL=3600

            """
        #expect(try secrets(in: env) == ["admin123", "Wint3r-is-coming"])
    }

    @Test func laravelAppKeyIsFound() throws {
        let value = "base64:c2hvcC1rZXktMjAyNi0xMS1yb3RhdGVkLXZhbHVlcyE="
        #expect(try secrets(in: "APP_NAME=shop\nAPP_KEY=\(value)\nAPP_DEBUG=false\n") == [value])
    }

    @Test func dockerfileAndShellFormsAreFound() throws {
        let dockerfile = """
            FROM postgres:16
            ENV POSTGRES_USER=app
            ENV POSTGRES_PASSWORD=pg-Local-77
            ARG NPM_TOKEN
            RUN echo done

            """
        #expect(try secrets(in: dockerfile) == ["pg-Local-77"])
        #expect(try secrets(in: "#!/bin/sh\nexport SMTP_PASS=mailer2024\nexec ./run\n") == ["mailer2024"])
    }

    @Test func quotedLiteralsInEachLanguageAreFound() throws {
        let php = "<?php\n$db_host = 'localhost';\n$db_pass = 's3cr3t!x';\n"
        #expect(try secrets(in: php) == ["s3cr3t!x"])
        let go = "func login() {\n\tstatic_password := \"hardcoded09\"\n\tuse(static_password)\n}\n"
        #expect(try secrets(in: go) == ["hardcoded09"])
        let ts = "export const apiToken = `tk-4417-prod`;\nexport const retries = 3;\n"
        #expect(try secrets(in: ts) == ["tk-4417-prod"])
        let yaml = "spring:\n  datasource:\n    username: app\n    password: \"Adm1n#2024\"\n"
        #expect(try secrets(in: yaml) == ["Adm1n#2024"])
    }

    @Test func aHighEntropyValueIsReportedOnceThoughTwoCatchAllsFindIt() throws {
        #expect(try secrets(in: "api_key = \"Zx8KqP2mN7vB4cR9tY6wQ1eL\"\n") == ["Zx8KqP2mN7vB4cR9tY6wQ1eL"])
    }

    @Test(arguments: [
        "DB_PASSWORD=${DB_PASSWORD}\n",
        "password: \"{{ vault_db_password }}\"\n",
        "token = os.Getenv(\"TOKEN\")\n",
        "const secret = process.env.SESSION_SECRET;\n",
        "password = \"required\"\n",
        "USE_TOKEN=true\n",
        "TOKEN_TTL=3600\n",
        "secret_key = \"12345678\"\n",
        "SECRET_KEY_FILE=/run/secrets/app_secret_key\n",
        "db_password = \"./config/db_password.txt\"\n",
        "password = \"********\"\n",
        "DB_PASSWORD=changeme\n",
        "password = \"my_password\"\n",
        "COMPASS_HEADING=north-west\n",
        "password: \"\"\n",
        "query = \"token=%s\" % value\n",
    ])
    func nonSecretsAreRejected(line: String) throws {
        #expect(try secrets(in: line).isEmpty, "\(line)")
    }
}

@Suite struct CredentialLiteralValidatorTests {
    let validator = CredentialLiteralValidator()

    @Test(arguments: ["admin123", "s3cr3t!x", "Wint3r-is-coming", "hardcoded09"])
    func weakButRealPasswordsPass(value: String) {
        #expect(validator.isValid(Array(value.utf8)))
    }

    @Test(arguments: ["required", "true", "12345678", "3.14159", "/etc/app/secret", "~/.ssh/id_rsa", "C:\\keys\\app", "user-%s", "getPass()", "config.db.password"])
    func nonSecretsFail(value: String) {
        #expect(!validator.isValid(Array(value.utf8)))
    }
}

@Suite struct PlaceholderWordingTests {
    @Test func aWellFormedKeyWithExampleInsideIsNotAPlaceholder() {
        #expect(!PlaceholderFilter.isPlaceholder("AKIA2EXAMPLE7QH3ZT5W"))
        #expect(!PlaceholderFilter.isPlaceholder("sk_live_51FAKEq8Zr2Lx9Kw4Pn7Rt1Ys6Bd3H"))
    }

    @Test func documentedAndWholeValuePlaceholdersStillAre() {
        for value in ["AKIAIOSFODNN7EXAMPLE", "EXAMPLE_API_KEY", "your-fake-token", "sample-secret-value"] {
            #expect(PlaceholderFilter.isPlaceholder(value), "\(value)")
        }
    }
}

@Suite struct CredentialCommandFlagTests {
    func secrets(in text: String) throws -> [String] {
        let scanner = try builtinScanner()
        return try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker()).map(\.secret)
    }

    @Test func passwordsOnCommandLinesAreFound() throws {
        let script = """
            #!/bin/sh
            set -eu
            mysqldump --user=backup --password=Bk4p-2024 shop > /backups/shop.sql
            curl -u deploy:Depl0y!now https://ci.internal.test/api/builds

            """
        #expect(try secrets(in: script) == ["Bk4p-2024", "Depl0y!now"])
    }

    @Test(arguments: [
        "mysqldump --user=backup --password=\"$DB_PASSWORD\" shop\n",
        "echo \"$REGISTRY_TOKEN\" | docker login --password-stdin --username ops registry.test\n",
        "curl -u \"$USER:$TOKEN\" https://ci.internal.test/api/builds\n",
        "app --token-file=/run/secrets/token\n",
    ])
    func referencesAndFilesOnCommandLinesAreNot(line: String) throws {
        #expect(try secrets(in: line).isEmpty, "\(line)")
    }
}

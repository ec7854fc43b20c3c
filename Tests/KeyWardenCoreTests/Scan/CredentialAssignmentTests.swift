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

/// Credentials written without quotes or in other languages' syntax: YAML and INI configuration,
/// runbooks and tickets, SQL migrations, C headers and spec files.
@Suite struct UnquotedCredentialTests {
    func secrets(in text: String) throws -> [String] {
        let scanner = try builtinScanner()
        return try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker()).map(\.secret)
    }

    @Test func yamlAndIniConfigurationValuesAreFound() throws {
        let yaml = """
            spring:
              datasource:
                url: jdbc:postgresql://db.internal:5432/shop
                username: shop
                password: Qv7#tLm2x
              mail:
                pass: Wint3r-is-coming2
            tls:
              secretName: shop-tls
              tokenUrl: https://auth.internal/oauth/token

            """
        #expect(try secrets(in: yaml) == ["Qv7#tLm2x", "Wint3r-is-coming2"])
        let ini = "[client]\nuser = backup\npassword = Hk3v!P9zQ\nport = 3306\n"
        #expect(try secrets(in: ini) == ["Hk3v!P9zQ"])
    }

    @Test func credentialsInRunbooksAndTicketsAreFound() throws {
        let runbook = """
            ## Staging access
            ssh ops@10.20.0.7 (pw:Vn4kQ8sLm)
            Admin console: user admin, password:Tr0ub4dor3x
            MYSQLPASS: Rw7vLp2QxK

            """
        #expect(try secrets(in: runbook) == ["Vn4kQ8sLm", "Tr0ub4dor3x", "Rw7vLp2QxK"])
    }

    @Test func sqlThatSetsAUsersPasswordIsFound() throws {
        let migration = """
            CREATE USER 'reporting'@'%' IDENTIFIED BY 'Rp-2291vk';
            ALTER USER 'app'@'localhost' IDENTIFIED WITH mysql_native_password BY 'Mq7vT2pLx';
            CREATE ROLE analytics LOGIN ENCRYPTED PASSWORD 'An4l-77xq';
            CREATE USER ci IDENTIFIED BY '${CI_DB_PASSWORD}';

            """
        #expect(try secrets(in: migration) == ["Rp-2291vk", "Mq7vT2pLx", "An4l-77xq"])
    }

    @Test func macrosAndTypedOrComparedLiteralsAreFound() throws {
        let header = "#ifndef CONFIG_H\n#define DB_PASSWORD \"Xn84ASM54y\"\n#define PASSWORD_MAX_LENGTH 64\n#endif\n"
        #expect(try secrets(in: header) == ["Xn84ASM54y"])
        #expect(try secrets(in: "%global api_token Tk93hLq2Vz\n") == ["Tk93hLq2Vz"])
        let python = "def connect(passwd: str = \"cq2tPr1a2\"):\n    if admin_password == \"Hq4c1a2oPd\":\n        return True\n"
        #expect(try secrets(in: python) == ["cq2tPr1a2", "Hq4c1a2oPd"])
    }

    @Test(arguments: [
        "public let secret: String?\n",
        "final class SecretStore: @unchecked Sendable {\n",
        "GitHub and npm tokens: CRC-32 of the random part\n",
        "///     api_key: 0f6d…\n",
        "password: !vault |\n",
        "\"hashed_secret\": \"5be0a36963ae1e8431c041b744679ee578b7c44a\",\n",
        "pwdump=n0NeKreD\n",
        "bypass: Enabled\n",
    ])
    func typesAnnotationsHashesAndProseAreNot(line: String) throws {
        #expect(try secrets(in: line).isEmpty, "\(line)")
    }
}

import Foundation
@testable import KeyWardenInputs
@testable import KeyWardenMatching
@testable import KeyWardenRules
@testable import KeyWardenScan
import KeyWardenTestSupport
import Testing

/// Client tools' credential files, each written as the tool writes it at the path it uses,
/// scanned from a temporary directory through the real pipeline: every stored secret is found
/// at its line, encoded ones decoded, and the same files with nothing stored are clean.
@Suite struct CredentialFileTests {
    struct Expected: Equatable, CustomStringConvertible {
        let rule: String
        let line: Int
        let secret: String
        var description: String { "\(rule)@\(line):\(secret)" }
    }

    struct Case: Sendable, CustomStringConvertible {
        let path: String
        let text: String
        let expected: [(rule: String, line: Int, secret: String)]
        var description: String { path }
    }

    /// Scans `files` (relative path -> text) written in a fresh directory; findings by relative
    /// path. The catch-all assignment rule's findings are left out: what it reports around these
    /// files (a key path under a name it takes for a secret) is that detector's business.
    static func scan(_ files: [(String, String)]) throws -> [String: [Expected]] {
        let directory = try TemporaryDirectory()
        for (path, text) in files { try directory.write(path, text) }
        let entries = try DirectorySource(roots: [directory.path]).entries().files
        let result = try ScanPipeline(scanner: SharedScanner.builtin.get()).run(FileSource(files: entries, maxFileSize: 1 << 20))
        var found: [String: [Expected]] = [:]
        let catchAll = Set(try SharedScanner.builtin.get().compiled.rules.filter(\.catchAll).map(\.id))
        for finding in result.findings where !catchAll.contains(finding.rule) {
            let relative = String(finding.path.dropFirst(directory.path.count + 1))
            found[relative, default: []].append(Expected(rule: finding.rule, line: finding.line, secret: finding.secret))
        }
        return found
    }

    static let cases: [Case] = [
        Case(path: ".s3cfg", text: """
            [default]
            access_key = DO00MZ7QWERTYXK4ABCD
            host_base = ams3.digitaloceanspaces.com
            host_bucket = %(bucket)s.ams3.digitaloceanspaces.com
            secret_key = p2jqy0wwrtj6i091cxzonvxpljx0p4uyj4ic3jk436c
            use_https = True
            gpg_passphrase =
            """, expected: [("s3cfg-secret", 5, "p2jqy0wwrtj6i091cxzonvxpljx0p4uyj4ic3jk436c")]),
        Case(path: "ci/.docker/config.json", text: """
            {
              "auths": {
                "ghcr.io": {
                  "auth": "Y2ktYm90OnBSRjVLMktGZGgweURSSQ"
                }
              },
              "credsStore": ""
            }
            """, expected: [("docker-config-auth", 4, "Y2ktYm90OnBSRjVLMktGZGgweURSSQ")]),
        Case(path: ".config/filezilla/sitemanager.xml", text: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
            <FileZilla3 version="3.66.4" platform="windows">
                <Servers>
                    <Server>
                        <Host>ftp.example.net</Host>
                        <Port>21</Port>
                        <Protocol>0</Protocol>
                        <Type>0</Type>
                        <User>deploy</User>
                        <Pass encoding="base64">dWhIQThNT2Z5VEZOaUw=</Pass>
                        <Logontype>1</Logontype>
                        <Name>production</Name>
                    </Server>
                    <Server>
                        <Host>sftp.example.net</Host>
                        <Protocol>1</Protocol>
                        <User>backup</User>
                        <Logontype>2</Logontype>
                        <Name>ask for password</Name>
                    </Server>
                </Servers>
            </FileZilla3>
            """, expected: [("filezilla-password-base64", 10, "dWhIQThNT2Z5VEZOaUw=")]),
        Case(path: "old/recentservers.xml", text: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
            <FileZilla3>
                <RecentServers>
                    <Server>
                        <Host>192.0.2.40</Host>
                        <Port>21</Port>
                        <User>webmaster</User>
                        <Pass>U6wUzLHtYwQ15mxS</Pass>
                    </Server>
                </RecentServers>
            </FileZilla3>
            """, expected: [("filezilla-password", 8, "U6wUzLHtYwQ15mxS")]),
        Case(path: "site/sftp-config.json", text: """
            {
                // The tab key will cycle through the settings when first created
                "type": "sftp",
                "save_before_upload": true,
                "upload_on_save": false,
                "host": "web-7.example.net",
                "user": "deploy",
                "password": "63RiQiSwm0n07Hz6",
                //"port": "22",
                "remote_path": "/var/www/app/",
                "connect_timeout": 30,
            }
            """, expected: [("sftp-plugin-password", 8, "63RiQiSwm0n07Hz6")]),
        Case(path: "app/.vscode/sftp.json", text: """
            {
                "name": "staging",
                "host": "staging.example.net",
                "protocol": "sftp",
                "port": 22,
                "username": "ci",
                "privateKeyPath": "~/.ssh/ci_ed25519",
                "passphrase": "2fTQJcwrXLibTRJR",
                "remotePath": "/srv/app",
                "uploadOnSave": true
            }
            """, expected: [("sftp-plugin-password", 8, "2fTQJcwrXLibTRJR")]),
        Case(path: "theme/.remote-sync.json", text: """
            {
              "transport": "ftp",
              "hostname": "ftp.example.net",
              "port": 21,
              "username": "theme",
              "password": "p8wA2QGPlS4EE045",
              "target": "/public_html/wp-content/themes/shop",
              "ignore": [".remote-sync.json", ".git/**"]
            }
            """, expected: [("sftp-plugin-password", 6, "p8wA2QGPlS4EE045")]),
        Case(path: "theme/.ftpconfig", text: """
            {
                "protocol": "ftp",
                "host": "ftp.example.net",
                "port": 21,
                "user": "site",
                "pass": "fsGsHDs1h9A6",
                "promptForPass": false,
                "remote": "/public_html"
            }
            """, expected: [("sftp-plugin-password", 6, "fsGsHDs1h9A6")]),
        Case(path: "deployment-config.json", text: """
            {
              "deploymentConfigs": [{
                "name": "live",
                "host": "198.51.100.7",
                "username": "release",
                "password": "U6wUzLHtYwQ15mxS",
                "remotePath": "/var/www"
              }]
            }
            """, expected: [("sftp-plugin-password", 6, "U6wUzLHtYwQ15mxS")]),
        Case(path: "shop/.idea/webServers.xml", text: """
            <?xml version="1.0" encoding="UTF-8"?>
            <project version="4">
              <component name="WebServers">
                <option name="servers">
                  <webServer id="0d6c2a3e-7f1b-4c58-9e2d-5a7b3c9f1e04" name="live" url="https://shop.example.net">
                    <fileTransfer host="ftp.example.net" port="21" rootFolder="/www" accessType="FTP" login="deploy" password="dfccdfd9dfeddfd9dfe2dfeedfd9df9bdfc2df93dfebdf9c">
                      <advancedOptions><advancedOptions dataProtectionLevelPrivate="true" passiveMode="true" /></advancedOptions>
                    </fileTransfer>
                  </webServer>
                </option>
              </component>
            </project>
            """, expected: [("jetbrains-scrambled-password", 6, "dfccdfd9dfeddfd9dfe2dfeedfd9df9bdfc2df93dfebdf9c")]),
        Case(path: "DBeaverData/workspace6/General/.dbeaver/data-sources.json", text: """
            {
            	"folders": {},
            	"connections": {
            		"postgres-jdbc-18c3f2a4b1e-6d1f0c2b3a4e5f60": {
            			"provider": "postgresql",
            			"driver": "postgres-jdbc",
            			"name": "ledger",
            			"save-password": true,
            			"configuration": {
            				"host": "db-7f3a.internal.example.net",
            				"port": "5432",
            				"database": "ledger",
            				"user": "reporting",
            				"password": "U6wUzLHtYwQ15mxS",
            				"auth-model": "native"
            			}
            		}
            	}
            }
            """, expected: [("dbeaver-data-source-password", 14, "U6wUzLHtYwQ15mxS")]),
        Case(path: ".3T/robo-3t/1.4.4/robo3t.json", text: """
            {
                "connections" : [
                    {
                        "connectionName" : "orders",
                        "serverHost" : "mongo-2.internal.example.net",
                        "serverPort" : 27017,
                        "credentials" : [
                            {
                                "databaseName" : "admin",
                                "enabled" : true,
                                "userName" : "ops",
                                "userPassword" : "63RiQiSwm0n07Hz6"
                            }
                        ],
                        "ssh" : { "enabled" : false, "sshUserPassword" : "" }
                    }
                ]
            }
            """, expected: [("robomongo-password", 12, "63RiQiSwm0n07Hz6")]),
        Case(path: ".my.cnf", text: """
            [client]
            user=backup
            password="p8wA2QGPlS4EE045"
            host=db-7f3a.internal.example.net

            [mysqldump]
            single-transaction
            """, expected: [("mysql-option-file-password", 3, "p8wA2QGPlS4EE045")]),
        Case(path: ".esmtprc", text: """
            identity ops@example.net
                hostname smtp.example.net:587
                username "ops@example.net"
                password "U6wUzLHtYwQ15mxS"
                starttls required
            """, expected: [("esmtprc-password", 4, "U6wUzLHtYwQ15mxS")]),
        Case(path: ".muttrc", text: """
            set realname = "Ops Team"
            set from = "ops@example.net"
            set imap_user = "ops@example.net"
            set imap_pass = "2fTQJcwrXLibTRJR"
            set folder = "imaps://imap.example.net:993"
            set smtp_url = "smtps://ops:fsGsHDs1h9A6@smtp.example.net:465/"
            """, expected: [("muttrc-password", 4, "2fTQJcwrXLibTRJR"), ("url-embedded-credentials", 6, "fsGsHDs1h9A6")]),
        Case(path: ".fetchmailrc", text: """
            set daemon 300
            poll mail.example.net protocol imap
                user "ops" there with password "U6wUzLHtYwQ15mxS" is ops here
                ssl
            """, expected: [("fetchmailrc-password", 3, "U6wUzLHtYwQ15mxS")]),
        Case(path: "keys/deploy.ppk", text: """
            PuTTY-User-Key-File-3: ssh-ed25519
            Encryption: none
            Comment: deploy@build-7
            Public-Lines: 2
            x3cesJyIE8Hlr116Sfuya1Q5T6AT/i39bqsyI/eW3eCZk5hPdMukGvtQGeWQwW/J
            DOwMO59avPRMjzicH7PIle2L0AFTkr+FeI52qkiO==
            Private-Lines: 1
            7QttCJoy/aLg+ZCK1lPRxPHwnfLcWGPUu2DNQ2eTEAVg
            Private-MAC: 22ba07ac4edf30d4b889f2593a735b965ee60921105e0f6a84f6724be901e721

            """, expected: [("putty-private-key", 1, """
            PuTTY-User-Key-File-3: ssh-ed25519
            Encryption: none
            Comment: deploy@build-7
            Public-Lines: 2
            x3cesJyIE8Hlr116Sfuya1Q5T6AT/i39bqsyI/eW3eCZk5hPdMukGvtQGeWQwW/J
            DOwMO59avPRMjzicH7PIle2L0AFTkr+FeI52qkiO==
            Private-Lines: 1
            7QttCJoy/aLg+ZCK1lPRxPHwnfLcWGPUu2DNQ2eTEAVg
            Private-MAC: 22ba07ac4edf30d4b889f2593a735b965ee60921105e0f6a84f6724be901e721
            """)]),
        Case(path: "ventrilo/ventrilo_srv.ini", text: """
            [Server]
            Name=Guild Hall
            Phonetic=guild hall
            Auth=1
            Duplicates=1
            AdminPassword=63RiQiSwm0n07Hz6
            Password=U6wUzLHtYwQ15mxS
            SendBuffer=0
            """, expected: [("ini-server-password", 6, "63RiQiSwm0n07Hz6"), ("ini-server-password", 7, "U6wUzLHtYwQ15mxS")]),
        Case(path: "teamspeak/ts3db_mariadb.ini", text: """
            [config]
            host=127.0.0.1
            port=3306
            username=teamspeak
            password=p8wA2QGPlS4EE045
            database=ts3
            socket=
            """, expected: [("ini-server-password", 5, "p8wA2QGPlS4EE045")]),
        Case(path: ".tugboat", text: """
            ---
            authentication:
              access_token: 6ccf3fe20e4bce911eb5514da483cfc33ef21fbf57b1fd978f87241d10077e18
            ssh:
              ssh_user: root
              ssh_key_path: ~/.ssh/id_rsa
              ssh_port: '22'
            defaults:
              region: nyc3
            """, expected: [("digitalocean-cli-token", 3, "6ccf3fe20e4bce911eb5514da483cfc33ef21fbf57b1fd978f87241d10077e18")]),
        Case(path: "backup/etc/shadow", text: """
            root:$6$b/3W2G9QLr9B6pfD$B1noPb8oxL65w1r0dRmU310tWjICTCKa2M1gwUQ.DOz2sl0jJHfOZfG/RTHcAaJMv301gCBY/4ioeglONKL4l.:19700:0:99999:7:::
            daemon:*:19700:0:99999:7:::
            sshd:!:19700::::::
            deploy:$y$j9T$yBNWdtGabigavr49lpRMtd$8..A6VQxpNHTqHRoqBjDbUxo9I7cXdVAgdMy/eM/MCn:19850:0:99999:7:::
            """, expected: [
                ("password-hash", 1, "$6$b/3W2G9QLr9B6pfD$B1noPb8oxL65w1r0dRmU310tWjICTCKa2M1gwUQ.DOz2sl0jJHfOZfG/RTHcAaJMv301gCBY/4ioeglONKL4l."),
                ("password-hash", 4, "$y$j9T$yBNWdtGabigavr49lpRMtd$8..A6VQxpNHTqHRoqBjDbUxo9I7cXdVAgdMy/eM/MCn"),
            ]),
        Case(path: "db/dump-2024-05-02.sql", text: """
            -- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
            DROP TABLE IF EXISTS `users`;
            CREATE TABLE `users` (`id` int NOT NULL, `login` varchar(64), `password` varchar(255), `email` varchar(255));
            LOCK TABLES `users` WRITE;
            INSERT INTO `users` VALUES (1,'admin','$2y$10$MWEfpxKoin9N1B4n8z2cshNV0jqoTgRaFZFOgEOHXhb/.2CB6U8R8','admin@example.net'),(2,'kim','$2b$12$5P.EY2f091uBpMARYhZMR42i7f5ul1.ABGjtPfyVpwx0UcKOPmjvL','kim@example.net');
            INSERT INTO `users` VALUES (3,'jdoe','c12aa63be6acdbe0bb15ea2de2b51f7e','jdoe@example.net');
            UNLOCK TABLES;
            """, expected: [
                ("sql-dump-password-hash", 5, "$2y$10$MWEfpxKoin9N1B4n8z2cshNV0jqoTgRaFZFOgEOHXhb/.2CB6U8R8"),
                ("sql-dump-password-hash", 5, "$2b$12$5P.EY2f091uBpMARYhZMR42i7f5ul1.ABGjtPfyVpwx0UcKOPmjvL"),
                ("sql-dump-password-digest", 6, "c12aa63be6acdbe0bb15ea2de2b51f7e"),
            ]),
    ]

    @Test(arguments: cases)
    func everyStoredSecretIsFoundAtItsLine(_ example: Case) throws {
        let found = try Self.scan([(example.path, example.text)])
        #expect(found[example.path, default: []] == example.expected.map { Expected(rule: $0.rule, line: $0.line, secret: $0.secret) })
    }

    @Test func theSameFilesWithEmptyOrPlaceholderPasswordsAreClean() throws {
        let found = try Self.scan([
            (".s3cfg", "[default]\naccess_key =\nsecret_key =\ngpg_passphrase =\n"),
            (".docker/config.json", "{\"auths\": {\"ghcr.io\": {\"auth\": \"ZGVwbG95Og\"}, \"quay.io\": {\"auth\": \"ZGVwbG95OmNoYW5nZW1l\"}}}\n"),
            ("sitemanager.xml", "<Server>\n  <User>deploy</User>\n  <Pass encoding=\"base64\" />\n  <Pass></Pass>\n  <Pass encoding=\"base64\">Y2hhbmdlbWU=</Pass>\n</Server>\n"),
            ("sftp-config.json", "{\n  \"host\": \"example.net\",\n  //\"password\": \"password\",\n  \"password\": \"\",\n}\n"),
            (".vscode/sftp.json", "{\"host\": \"example.net\", \"password\": \"${env:SFTP_PASSWORD}\"}\n"),
            (".idea/webServers.xml", "<fileTransfer host=\"ftp.example.net\" login=\"deploy\" password=\"dfc9dfc2dfcbdfc4dfcddfcfdfc7dfcf\" />\n"),
            (".my.cnf", "[client]\nuser=backup\npassword=\n"),
            (".muttrc", "set imap_pass = \"`pass show mail/ops`\"\nset smtp_pass = $my_imap_pass\n"),
            (".fetchmailrc", "poll mail.example.net protocol imap user \"ops\" password \"\"\n"),
            ("ventrilo_srv.ini", "[Server]\nAdminPassword=\nPassword=\n"),
            (".tugboat", "authentication:\n  access_token: YOUR_ACCESS_TOKEN_HERE\n"),
            ("shadow", "root:*:19700:0:99999:7:::\nsshd:!:19700::::::\nnobody:!*:19700::::::\n"),
        ])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aPublicOnlyOrTruncatedPuTTYKeyIsNotReported() throws {
        let head = """
            PuTTY-User-Key-File-3: ssh-ed25519
            Encryption: none
            Comment: deploy@build-7
            Public-Lines: 2
            x3cesJyIE8Hlr116Sfuya1Q5T6AT/i39bqsyI/eW3eCZk5hPdMukGvtQGeWQwW/J
            DOwMO59avPRMjzicH7PIle2L0AFTkr+FeI52qkiO==

            """
        let found = try Self.scan([
            ("public-only.ppk", head),
            ("truncated.ppk", head + "Private-Lines: 3\n7QttCJoy/aLg+ZCK1lPRxPHwnfLcWGPUu2DNQ2eTEAVg\n"
                + "Private-MAC: 22ba07ac4edf30d4b889f2593a735b965ee60921105e0f6a84f6724be901e721\n"),
            ("cut.ppk", head + "Private-Lines: 1\n7QttCJoy/aLg+ZCK1lPRxPHwnfLcWGPUu2DNQ2eTEAVg\n"),
        ])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aFileScopedRuleIgnoresTheSameLinesInOtherFiles() throws {
        let text = "[client]\nuser=backup\npassword=p8wA2QGPlS4EE045\n"
        let found = try Self.scan([("conf/.my.cnf", text), ("notes/mysql.txt", text)])
        #expect(found["conf/.my.cnf"]?.map(\.rule) == ["mysql-option-file-password"])
        #expect(!(found["notes/mysql.txt"] ?? []).contains { $0.rule == "mysql-option-file-password" })
    }

    @Test func aBufferWithoutAPathRunsNoFileScopedRule() throws {
        let scanner = try SharedScanner.builtin.get()
        let text = Array("[client]\npassword=p8wA2QGPlS4EE045\n".utf8)
        #expect(!(try scanner.findings(in: text, worker: scanner.makeWorker()).map(\.rule).contains("mysql-option-file-password")))
        #expect(try scanner.findings(in: text, worker: scanner.makeWorker(), paths: ["home/.my.cnf"]).map(\.rule) == ["mysql-option-file-password"])
    }

    @Test func anAWSSecretInAnS3cfgStaysOneAWSCredentialWithItsKeyId() throws {
        let found = try Self.scan([(".s3cfg", """
            [default]
            access_key = AKIAQWERTY7ABCD2EFGH
            secret_key = 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
            """)])
        #expect(found[".s3cfg"] == [Expected(rule: "aws-secret-key-setting", line: 3, secret: "Zx8KqP2mN7vB4cR9tY6wQ1eLh3Gj5Fd0Sa2E7uIo")])
    }
}

@Suite struct RulePathScopesTests {
    func rule(_ paths: [String]) -> Rule {
        Rule(id: "scoped", description: "d", severity: .high, pattern: "x", examples: ["x"], negativeExamples: ["y"], paths: paths)
    }

    @Test func aNameGlobMatchesTheFileNameInAnyDirectory() {
        let scopes = RulePathScopes(rules: [rule([".my.cnf", "*.cnf"])])
        #expect(scopes.skipped(for: ["/home/ops/.my.cnf"]) == nil)
        #expect(scopes.skipped(for: ["etc/mysql/conf.d/client.cnf"]) == nil)
        #expect(scopes.skipped(for: ["etc/.my.cnf.bak"]) == [true])
    }

    @Test func aGlobWithADirectoryMatchesTheEndOfThePath() {
        let scopes = RulePathScopes(rules: [rule([".vscode/sftp.json"])])
        #expect(scopes.skipped(for: ["repo/.vscode/sftp.json"]) == nil)
        #expect(scopes.skipped(for: ["repo/sftp.json"]) == [true])
        #expect(scopes.skipped(for: ["repo/.vscode/sftp.json/extra"]) == [true])
    }

    @Test func globsOfDifferentDepthsAndWildcardsEachMatchTheirOwnEnding() {
        let scopes = RulePathScopes(rules: [rule(["doctl/config.yaml"]), rule(["config/credentials/*.key"]), rule(["*_srv.ini"])])
        #expect(scopes.skipped(for: ["home/ops/.config/doctl/config.yaml"]) == [false, true, true])
        #expect(scopes.skipped(for: ["app/config/credentials/production.key"]) == [true, false, true])
        #expect(scopes.skipped(for: ["srv/ventrilo_srv.ini"]) == [true, true, false])
        #expect(scopes.skipped(for: ["credentials/production.key", "ventrilo_srv.ini.bak"]) == [true, true, true])
    }

    @Test func matchingIgnoresCaseAsWindowsToolsWriteNamesInAnyCase() {
        let scopes = RulePathScopes(rules: [rule(["webservers.xml"])])
        #expect(scopes.skipped(for: ["C/Users/ops/.idea/WebServers.XML"]) == nil)
    }

    /// The byte-level shape check runs before the full match on every file of a scan: it may let
    /// through names that do not match, never turn away one that does. Names are made from the
    /// globs' own pieces in mixed case, with and without extra text at either end.
    @Test func theNameShapeCheckNeverTurnsAwayANameTheGlobMatches() {
        let globs = ["*.sql", ".my.cnf", "ts3db_*.ini", "data-sources*.json", "robo3t*.json", "*_srv.ini", "master.key",
                     "a[bc]d?.x", "lit\\*eral", "[!.]*rc", "k*"]
        let pieces = ["", "a", "b", "d", ".", "_", "ts3db_", ".ini", ".json", "data-sources", "robo3t", "_srv", ".sql",
                      ".my", ".cnf", "master", ".key", "x", "lit", "*eral", "rc", "K", "\u{212A}ey", "é"]
        var generator = SystemRandomNumberGenerator()
        var names: [String] = []
        for _ in 0..<4000 {
            let name = (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            names.append(String(name.map { Bool.random(using: &generator) ? Character($0.uppercased()) : $0 }))
        }
        var matched = 0
        for glob in globs {
            let component = RulePathScopes.trailingComponents(glob, count: 1)[0]
            let full = RulePathScopes.Glob(component: component)
            let shape = RulePathScopes.NameShape(component)
            for name in names where !name.isEmpty {
                guard full.matches(RulePathScopes.trailingComponents(name, count: 1)) else { continue }
                matched += 1
                var bytes = name
                let admitted = bytes.withUTF8 { shape.admits($0) }
                #expect(admitted, "\(glob) matches \(name) but its shape turned it away")
            }
        }
        #expect(matched > 200) // the generated names reach the globs often enough to mean something
        // And it does turn names away: that is its job.
        var other = "main.go"
        #expect(!other.withUTF8 { RulePathScopes.NameShape(RulePathScopes.trailingComponents("*.sql", count: 1)[0]).admits($0) })
    }

    @Test func anItemWithoutPathsSkipsScopedRulesAndKeepsTheOthers() {
        let open = Rule(id: "open", description: "d", severity: .high, pattern: "x", examples: ["x"], negativeExamples: ["y"])
        #expect(RulePathScopes(rules: [open, rule(["*.sql"])]).skipped(for: []) == [false, true])
        #expect(RulePathScopes(rules: [open]).skipped(for: []) == nil)
    }
}

@Suite struct CredentialFileValidatorTests {
    @Test func basicAuthAcceptsUnpaddedBase64AndRejectsAnEmptyOrPlaceholderPassword() {
        let validator = BasicAuthValidator()
        #expect(validator.isValid(Array("Y2ktYm90OnBSRjVLMktGZGgweURSSQ".utf8)))
        #expect(validator.isValid(Array("Y2ktYm90OnBSRjVLMktGZGgweURSSQ==".utf8)))
        #expect(!validator.isValid(Array("ZGVwbG95Og".utf8)))
        #expect(!validator.isValid(Array("ZGVwbG95OmNoYW5nZW1l".utf8)))
    }

    @Test func jetBrainsPasswordsUnscrambleCharacterByCharacter() {
        #expect(JetBrainsScrambledPasswordValidator.unscramble(Array("dfccdfd9dfeddfd9dfe2dfeedfd9df9bdfc2df93dfebdf9c".utf8))
            == Array("fsGsHDs1h9A6".utf8))
        #expect(JetBrainsScrambledPasswordValidator.unscramble(Array("dfcc0041".utf8)) == nil)
    }

    @Test func filezillaBase64PasswordsDecodePaddedOrNot() {
        let validator = Base64PasswordValidator()
        #expect(validator.isValid(Array("dWhIQThNT2Z5VEZOaUw=".utf8)))
        #expect(validator.isValid(Array("dWhIQThNT2Z5VEZOaUw".utf8)))
        #expect(!validator.isValid(Array("Y2hhbmdlbWU=".utf8)))
    }
}

/// File-scoped rules in the git scans: the path comes from the index or from the commits that
/// introduced a blob, and HEAD's paths decide whether a secret is still present.
@Suite struct CredentialFileGitScanTests {
    let cnf = "[client]\nuser=backup\npassword=p8wA2QGPlS4EE045\n"

    @Test func aStagedOptionFileIsScannedUnderItsIndexedPath() throws {
        let repo = try GitTestRepository()
        try repo.write("README.md", "hello\n")
        try repo.commit("start")
        try repo.write("ops/.my.cnf", cnf)
        try repo.git(["add", "ops/.my.cnf"])
        let findings = try StagedScanner(scanner: SharedScanner.builtin.get(), maxBlobSize: 1 << 20).scan(repo.repository()).findings
        #expect(findings.filter { $0.rule == "mysql-option-file-password" }.map { "\($0.path):\($0.line)" } == ["ops/.my.cnf:3"])
    }

    @Test func aHistoryBlobIsScannedUnderThePathsItWasIntroducedAtAndFoundAtHead() throws {
        let repo = try GitTestRepository()
        try repo.write("ops/.my.cnf", cnf)
        try repo.write("notes/mysql.txt", cnf)
        try repo.commit("add both")
        let findings = try GitHistoryScanner(scanner: SharedScanner.builtin.get(), maxBlobSize: 1 << 20)
            .scan(repo.repository()).findings.filter { $0.rule == "mysql-option-file-password" }
        // One blob, two paths: the scoped rule applies because one of them is an option file.
        #expect(Set(findings.map(\.path)) == ["ops/.my.cnf", "notes/mysql.txt"])
        #expect(findings.allSatisfy { $0.git?.presentAtHead == true })
    }
}

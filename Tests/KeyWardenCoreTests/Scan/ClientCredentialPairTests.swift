import Foundation
@testable import KeyWardenInputs
@testable import KeyWardenRules
@testable import KeyWardenScan
import KeyWardenTestSupport
import Testing

/// Client id + secret pairs are credential sets: written together in a real config file they are
/// one finding, at the secret, that says which pair it is (its partner's rule in `parts`) and
/// carries the public half in full as `keyId`.
@Suite struct ClientCredentialPairTests {
    struct Pair: Sendable, CustomStringConvertible {
        let name: String
        let file: String
        let text: String
        let secretRule: String
        let secret: String
        let keyRule: String
        let keyId: String
        var description: String { name }
    }

    static let pairs: [Pair] = [
        Pair(name: "Azure AD appsettings.json", file: "src/Api/appsettings.json", text: """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "AzureAd": {
                "Instance": "https://login.microsoftonline.com/",
                "TenantId": "0ac29d34-7763-4b81-8f24-aa27d1aa89a1",
                "ClientId": "659e5245-b21e-4bbb-a53e-635492a252d6",
                "ClientSecret": "USC8Q~o4x-Ci4NXXpgRMlCHLqRjk5eRn5R~3b"
              }
            }
            """, secretRule: "azure-entra-client-secret", secret: "USC8Q~o4x-Ci4NXXpgRMlCHLqRjk5eRn5R~3b",
             keyRule: "azure-entra-client-id", keyId: "659e5245-b21e-4bbb-a53e-635492a252d6"),
        Pair(name: "Azure AD Terraform environment", file: "infra/.env", text: """
            # service principal used by terraform
            ARM_TENANT_ID=84105d68-e1b1-4db5-a7d5-5361797fe57a
            ARM_CLIENT_ID=3a6d80d8-681a-4829-b77b-a95222b48142
            ARM_CLIENT_SECRET=K998Q~nKxCxCL8_q.Bd4grwM5Z0jeKOBxBfZi
            ARM_SUBSCRIPTION_ID=0ac29d34-7763-4b81-8f24-aa27d1aa89a1
            """, secretRule: "azure-entra-client-secret", secret: "K998Q~nKxCxCL8_q.Bd4grwM5Z0jeKOBxBfZi",
             keyRule: "azure-entra-client-id", keyId: "3a6d80d8-681a-4829-b77b-a95222b48142"),
        Pair(name: "Okta Spring properties", file: "src/main/resources/application.properties", text: """
            server.port=8080
            okta.oauth2.issuer=https://dev-41872.okta.com/oauth2/default
            okta.oauth2.client-id=0oaVQj1cwMeBsdrbJUZP
            okta.oauth2.client-secret=Eok5fRjz21dJRdtG92JSuFBb9OamJgjRkvDg1s1Z
            """, secretRule: "okta-client-secret", secret: "Eok5fRjz21dJRdtG92JSuFBb9OamJgjRkvDg1s1Z",
             keyRule: "okta-client-id", keyId: "0oaVQj1cwMeBsdrbJUZP"),
        Pair(name: "Auth0 Next.js .env.local", file: "web/.env.local", text: """
            AUTH0_SECRET=use-openssl-rand-to-make-one
            AUTH0_BASE_URL=http://localhost:3000
            AUTH0_ISSUER_BASE_URL=https://shop-eu.eu.auth0.com
            AUTH0_CLIENT_ID=WOl3YKzIaC5wSPhHEkXQSgSEZaOg66EW
            AUTH0_CLIENT_SECRET=5_fQepktDLEHDmwM4IyKgq2iuIhHbImg6XAHNT0_3ooq88wq3DOful6Mor2LRg4n
            """, secretRule: "auth0-client-secret", secret: "5_fQepktDLEHDmwM4IyKgq2iuIhHbImg6XAHNT0_3ooq88wq3DOful6Mor2LRg4n",
             keyRule: "auth0-client-id", keyId: "WOl3YKzIaC5wSPhHEkXQSgSEZaOg66EW"),
        Pair(name: "GitHub OAuth app in docker-compose", file: "deploy/docker-compose.yml", text: """
            services:
              gitea-bridge:
                image: acme/bridge:2.4
                environment:
                  GITHUB_CLIENT_ID: Ov23liGUx5mrryTF02ca
                  GITHUB_CLIENT_SECRET: f1b080a822a744cb0ba8ff7e038506a06436115b
            """, secretRule: "github-oauth-client-secret", secret: "f1b080a822a744cb0ba8ff7e038506a06436115b",
             keyRule: "github-oauth-client-id", keyId: "Ov23liGUx5mrryTF02ca"),
        Pair(name: "Google OAuth client_secret.json", file: "client_secret.json", text: """
            {
              "installed": {
                "client_id": "664153890437-ci9f4usvivn8hzab1v8hz489pqibdgqc.apps.googleusercontent.com",
                "project_id": "inbox-sorter-7",
                "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                "token_uri": "https://oauth2.googleapis.com/token",
                "client_secret": "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",
                "redirect_uris": ["http://localhost"]
              }
            }
            """, secretRule: "google-oauth-client-secret", secret: "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",
             keyRule: "google-oauth-client-id", keyId: "664153890437-ci9f4usvivn8hzab1v8hz489pqibdgqc.apps.googleusercontent.com"),
        Pair(name: "Twilio settings module", file: "notify/settings.py", text: """
            import os

            TWILIO_ACCOUNT_SID = "ACd502ca4aecfb541cff357c27e038c22f"
            TWILIO_AUTH_TOKEN = "c490bf37f581a6e2323a366b67cd8256"
            TWILIO_FROM = os.environ.get("TWILIO_FROM", "+15005550006")
            """, secretRule: "twilio-auth-token", secret: "c490bf37f581a6e2323a366b67cd8256",
             keyRule: "twilio-account-sid", keyId: "ACd502ca4aecfb541cff357c27e038c22f"),
        Pair(name: "Algolia indexer config", file: "search/indexer.yaml", text: """
            algolia:
              application_id: DVQGZMF4FY
              admin_key: 037d1ec74556cde3216cd7c6ad34187c
              index: products_prod
            """, secretRule: "algolia-admin-api-key", secret: "037d1ec74556cde3216cd7c6ad34187c",
             keyRule: "algolia-application-id", keyId: "DVQGZMF4FY"),
        Pair(name: "Mailgun settings", file: "mailer/config.yml", text: """
            mailer:
              provider: mailgun
              mailgun:
                domain: mg.acme-corp.net
                api_key: key-a29b66dccc7874fbeb1b05687b979068
                region: eu
            """, secretRule: "mailgun-api-key", secret: "key-a29b66dccc7874fbeb1b05687b979068",
             keyRule: "mailgun-sending-domain", keyId: "mg.acme-corp.net"),
    ]

    /// Scanned as a directory scan scans them: real files through the pipeline.
    func scan(_ files: [(String, String)]) throws -> [Finding] {
        let directory = try TemporaryDirectory()
        var entries: [DirectorySource.Entry] = []
        for (relative, text) in files {
            entries.append(DirectorySource.Entry(path: try directory.write(relative, text + "\n"), relativePath: relative))
        }
        return try ScanPipeline(scanner: builtinScanner()).run(FileSource(files: entries, maxFileSize: 1 << 20)).findings
    }

    @Test(arguments: pairs)
    func aPairInItsConfigFileIsOneFindingWithThePublicHalfAsKeyId(_ pair: Pair) throws {
        let findings = try scan([(pair.file, pair.text)])
        let finding = try #require(findings.first { $0.secret == pair.secret }, "\(findings.map(\.rule))")
        #expect(finding.rule == pair.secretRule)
        #expect(finding.keyId == pair.keyId)
        #expect(finding.parts?.map(\.rule) == [pair.keyRule])
        // The public half is not a finding of its own.
        #expect(!findings.contains { $0.secret == pair.keyId }, "\(findings.map(\.rule))")
    }

    /// A client id, a sending domain or a Google client id alone is public: nothing to report.
    @Test func aPublicHalfAloneIsNotAFinding() throws {
        let findings = try scan([
            ("spa/src/authConfig.ts", """
            // Azure AD (Entra ID) app registration of the single-page app: a public client.
            export const msalConfig = {
              auth: {
                clientId: "659e5245-b21e-4bbb-a53e-635492a252d6",
                authority: "https://login.microsoftonline.com/0ac29d34-7763-4b81-8f24-aa27d1aa89a1",
              },
            };
            """),
            ("web/index.html", """
            <meta name="google-signin-client_id" content="664153890437-ci9f4usvivn8hzab1v8hz489pqibdgqc.apps.googleusercontent.com">
            """),
            ("mailer/.env", "MAILGUN_DOMAIN=mg.acme-corp.net\nMAILGUN_REGION=eu\n"),
        ])
        #expect(findings.isEmpty, "\(findings.map { "\($0.path):\($0.rule)" })")
    }

    /// The secret without its public half nearby is still a leak.
    @Test func aSecretAloneIsStillReported() throws {
        let findings = try scan([("ci/secrets.env", "AZURE_CLIENT_SECRET=USC8Q~o4x-Ci4NXXpgRMlCHLqRjk5eRn5R~3b\n")])
        #expect(findings.map(\.rule) == ["azure-entra-client-secret"])
        #expect(findings.first?.keyId == nil)
    }

    @Test func reportAloneIsOnlyForAKeyPart() throws {
        #expect(throws: (any Error).self) {
            try RulePackLoader.parse(pack(pattern: "abc[0-9]{8}", extra: "credentialSet: acme\npart: secret\nreportAlone: false"), file: "p.yaml")
        }
        let rules = try RulePackLoader.parse(pack(pattern: "abc[0-9]{8}", extra: "credentialSet: acme\npart: key\nreportAlone: false"),
                                             file: "p.yaml")
        #expect(rules.first?.reportAlone == false)
    }
}

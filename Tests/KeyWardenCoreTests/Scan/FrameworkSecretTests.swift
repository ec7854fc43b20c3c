@testable import KeyWardenScan
import Testing

/// Framework and tool shapes people commit: Django and Flask settings, Express sessions, Rails
/// keys, Terraform defaults, CI variables, Gradle properties, Go multi-assignments, Basic
/// authorization headers, XML configuration and shell heredocs.
@Suite struct FrameworkSecretTests {
    func found(_ text: String, at path: String) throws -> [String] {
        let scanner = try builtinScanner()
        return try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker(), paths: [path]).map { "\($0.rule)=\($0.secret)" }
    }

    @Test func djangoFlaskAndExpressSecrets() throws {
        let django = "DEBUG = False\nSECRET_KEY = 'k#9x!v2@qz$7w^e(r)t&y*u+i-o=p[l]m;n4b8c'\nALLOWED_HOSTS = ['shop.test']\n"
        #expect(try found(django, at: "shop/settings.py") == ["django-secret-key=k#9x!v2@qz$7w^e(r)t&y*u+i-o=p[l]m;n4b8c"])
        let flask = "app = Flask(__name__)\napp.config['SECRET_KEY'] = 'Fl4sk-c0nfig-k3y'\n"
        #expect(try found(flask, at: "app/__init__.py") == ["credential-assignment-literal=Fl4sk-c0nfig-k3y"])
        let express = "app.use(session({\n  secret: 'Expr3ss-s3ss10n!',\n  resave: false,\n}));\n"
        #expect(try found(express, at: "server.js") == ["credential-assignment-literal=Expr3ss-s3ss10n!"])
    }

    @Test func railsKeysAreFoundByTheirFileName() throws {
        let key = "4f9c2e7a1b8d3f6e0a5c9b2d7e4f1a8c\n"
        #expect(try found(key, at: "config/master.key") == ["rails-master-key=4f9c2e7a1b8d3f6e0a5c9b2d7e4f1a8c"])
        #expect(try found(key, at: "config/credentials/production.key") == ["rails-master-key=4f9c2e7a1b8d3f6e0a5c9b2d7e4f1a8c"])
        #expect(try found(key, at: "notes/checksum.txt").isEmpty)
    }

    @Test func terraformCiAndGradleValues() throws {
        let terraform = "variable \"db_password\" {\n  type      = string\n  default   = \"Tf-Pa55-2291x\"\n  sensitive = true\n}\n"
        #expect(try found(terraform, at: "variables.tf") == ["terraform-variable-default-secret=Tf-Pa55-2291x"])
        let gitlab = "variables:\n  POSTGRES_DB: shop\n  POSTGRES_PASSWORD: \"Gl-ci-7741qx\"\n"
        #expect(try found(gitlab, at: ".gitlab-ci.yml") == ["credential-assignment-literal=Gl-ci-7741qx"])
        let gradle = "org.gradle.jvmargs=-Xmx2g\nsigning.password=Gr4dle-Sign-77\n"
        #expect(try found(gradle, at: "gradle.properties") == ["credential-unquoted-value=Gr4dle-Sign-77"])
    }

    @Test func goMultiAssignmentBasicAuthXmlAndHeredocs() throws {
        let go = "func main() {\n\tuser, pass := \"admin\", \"G0-multi-77x\"\n\tlogin(user, pass)\n}\n"
        #expect(try found(go, at: "main.go") == ["credential-multi-assignment=G0-multi-77x"])
        let curl = "curl -H \"Authorization: Basic ZGVwbG95OlMzY3IzdC1EZXBsMHk=\" https://ci.internal.test/api\n"
        #expect(try found(curl, at: "call.sh") == ["http-basic-authorization=ZGVwbG95OlMzY3IzdC1EZXBsMHk="])
        let xml = "<datasource>\n  <user-name>shop</user-name>\n  <password>Xm1-Pa55-w0rd</password>\n</datasource>\n"
        #expect(try found(xml, at: "standalone.xml").map { $0.hasSuffix("=Xm1-Pa55-w0rd") } == [true])
        let heredoc = "mysql -u root <<SQL\nCREATE USER 'app'@'%' IDENTIFIED BY 'H3re-Sql-88';\nSQL\n"
        #expect(try found(heredoc, at: "setup.sh") == ["sql-user-password=H3re-Sql-88"])
    }

    @Test func placeholdersInTheseShapesAreNot() throws {
        #expect(try found("SECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n", at: "settings.py").isEmpty)
        #expect(try found("Authorization: Basic ${CREDENTIALS}\n", at: "call.sh").isEmpty)
        #expect(try found("variable \"db_password\" {\n  default = \"\"\n}\n", at: "variables.tf").isEmpty)
        #expect(try found("user, pass := os.Getenv(\"USER\"), os.Getenv(\"PASS\")\n", at: "main.go").isEmpty)
    }
}

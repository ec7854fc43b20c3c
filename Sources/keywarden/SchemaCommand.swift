import ArgumentParser
import KeyWardenInventory
import KeyWardenPolicy

struct SchemaCommand: ParsableCommand {
    enum Kind: String, ExpressibleByArgument, CaseIterable { case policy }

    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a keywarden file format.",
        discussion: """
        `keywarden schema policy > policy.schema.json`, then start a policy file with \
        `# yaml-language-server: $schema=policy.schema.json` and editors with a YAML language \
        server validate and complete it.
        """
    )

    @Argument(help: "The format: policy.")
    var kind: Kind

    func run() throws {
        switch kind {
        case .policy: print(try PolicySchema.json(), terminator: "")
        }
    }
}

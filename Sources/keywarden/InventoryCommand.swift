import ArgumentParser

/// `keywarden inventory …`: the keys an account holds, as the exchange reports them.
struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Read the API keys of exchange accounts (read-only).",
        subcommands: [InventoryFetchCommand.self]
    )
}

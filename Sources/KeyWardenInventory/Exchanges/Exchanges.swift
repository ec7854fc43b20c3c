import KeyWardenAccounts

/// The exchanges keywarden can inventory and audit, one descriptor each.
public enum Exchanges {
    /// Every exchange, in `Provider` order.
    public static let all: [ExchangeDescriptor] = Provider.allCases.map(descriptor(for:))

    /// A switch rather than a lookup in `all`: the compiler refuses a provider without a descriptor.
    public static func descriptor(for provider: Provider) -> ExchangeDescriptor {
        switch provider {
        case .okx: .okx
        case .binance: .binance
        case .bybit: .bybit
        case .kucoin: .kucoin
        case .coinbase: .coinbase
        case .kraken: .kraken
        case .gate: .gate
        case .bitget: .bitget
        }
    }

    /// Every exchange's permission names, for the policy loader (Policy does not see this target).
    public static let permissionVocabulary = PermissionVocabulary(
        Dictionary(uniqueKeysWithValues: all.map { ($0.provider, $0.permissions) }))
}

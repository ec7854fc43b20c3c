/// An exchange whose API keys keywarden can inventory and audit.
public enum Provider: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case okx, binance, bybit, kucoin, coinbase, kraken, gate, bitget

    public static func < (lhs: Provider, rhs: Provider) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The name people write ("OKX", "KuCoin").
    public var displayName: String {
        switch self {
        case .okx: "OKX"
        case .binance: "Binance"
        case .bybit: "Bybit"
        case .kucoin: "KuCoin"
        case .coinbase: "Coinbase"
        case .kraken: "Kraken"
        case .gate: "Gate"
        case .bitget: "Bitget"
        }
    }
}

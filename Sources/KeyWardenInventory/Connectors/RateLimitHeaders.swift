import Foundation

/// How long an exchange asks a client to wait, from the headers it documents.
public enum RateLimitHeaders {
    /// `Retry-After`: delay in seconds, or an HTTP date.
    public static func retryAfter(_ response: HTTPResponse, now: Date) -> Duration? {
        guard let value = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value) { return .serverRequested(seconds: seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .serverRequested(seconds: date.timeIntervalSince(now))
    }

    /// A reset instant in epoch milliseconds (Bybit `X-Bapi-Limit-Reset-Timestamp`).
    public static func untilEpochMilliseconds(_ response: HTTPResponse, header: String, now: Date) -> Duration? {
        guard let value = response.header(header), let ms = Double(value) else { return nil }
        return .serverRequested(seconds: ms / 1000 - now.timeIntervalSince1970)
    }

    /// A reset delay in milliseconds (KuCoin `gw-ratelimit-reset`).
    public static func milliseconds(_ response: HTTPResponse, header: String) -> Duration? {
        guard let value = response.header(header), let ms = Double(value) else { return nil }
        return .serverRequested(seconds: ms / 1000)
    }
}

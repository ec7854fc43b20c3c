import Foundation

/// OKX v5: base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath(+?query) + body)).
public struct OKXSigner: Sendable {
    let secret: String

    public init(secret: String) { self.secret = secret }

    public func signature(timestamp: String, method: String, requestPath: String, body: String = "") -> String {
        HMACDigest.sha256(key: Data(secret.utf8), timestamp + method.uppercased() + requestPath + body).base64EncodedString()
    }

    /// ISO 8601 UTC with milliseconds, as OKX wants it: `2020-12-08T09:08:57.715Z`.
    /// Rounded to the nearest millisecond (binary floating point would otherwise lose one).
    public static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Date(timeIntervalSince1970: TimeInterval(milliseconds / 1000))
        let whole = seconds.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))  // 2020-12-08T09:08:57Z
        return whole.dropLast() + "." + String(milliseconds % 1000).leftPadded(to: 3) + "Z"
    }
}

import Foundation

/// Dates as policies and snapshot files write them: `2026-11-20`, `2026-11-20T08:00:00Z` or
/// with fractional seconds. Always UTC unless the text names an offset.
public enum ISO8601Date {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for options in [ISO8601DateFormatter.Options.withInternetDateTime,
                        [.withInternetDateTime, .withFractionalSeconds], [.withFullDate]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: trimmed) { return date }
        }
        return nil
    }

    /// `2026-11-20T08:00:00Z`: the form every writer uses.
    public static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// `2026-11-20`: the day, for messages.
    public static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}

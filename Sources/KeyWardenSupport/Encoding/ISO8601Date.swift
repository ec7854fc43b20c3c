import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// `2026-11-20T08:00:00Z`: the form every writer uses (what `ISO8601DateFormatter` writes,
    /// whole seconds in UTC). Made from the calendar fields directly: a report of a history scan
    /// dates every finding, and a formatter per date (ICU's locale and symbols set up each time)
    /// was a second of a 21,000-finding report.
    public static func format(_ date: Date) -> String {
        guard let (day, time) = utcFields(date) else { return ISO8601DateFormatter().string(from: date) }
        return day + "T" + time + "Z"
    }

    /// `2026-11-20`: the day, for messages.
    public static func day(_ date: Date) -> String {
        if let (day, _) = utcFields(date) { return day }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    /// `yyyy-MM-dd` and `HH:mm:ss` of `date` in UTC: the instant to the nearest millisecond (as
    /// ICU holds it for the formatter), then the seconds rounded down. Nil for an instant the C
    /// calendar cannot hold (not finite, or beyond `time_t`): the formatter writes those.
    private static func utcFields(_ date: Date) -> (day: String, time: String)? {
        guard var seconds = time_t(exactly: ((date.timeIntervalSince1970 * 1000).rounded() / 1000).rounded(.down)) else { return nil }
        var fields = tm()
        guard gmtime_r(&seconds, &fields) != nil else { return nil }
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(abs(value))
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return (padded(fields.tm_year + 1900, 4) + "-" + padded(fields.tm_mon + 1, 2) + "-" + padded(fields.tm_mday, 2),
                padded(fields.tm_hour, 2) + ":" + padded(fields.tm_min, 2) + ":" + padded(fields.tm_sec, 2))
    }
}

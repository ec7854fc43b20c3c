import Foundation
import KeyWardenSupport
import Testing

/// Dates are written from their UTC calendar fields rather than by a formatter per date: the
/// text must be exactly what Foundation's ISO 8601 formatter writes, for any date a git history
/// or a policy can hold.
@Suite struct ISO8601DateTests {
    @Test func formattingMatchesFoundationsFormatter() {
        let full = ISO8601DateFormatter()
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        var generator = SystemRandomNumberGenerator()
        // Whole and fractional seconds from 1900 to 2200, the epoch and leap days among them, and
        // instants a hair either side of a second (the formatter rounds to milliseconds first).
        var instants: [Double] = [0, -1, 59, 951_782_400, 951_868_799.999, 951_868_799.9995, 951_868_799.9994, -0.0004, -0.0006, 4_107_542_399, -2_208_988_800]
        for _ in 0..<5_000 { instants.append(Double.random(in: -2_208_988_800...7_258_118_400, using: &generator)) }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISO8601Date.format(date) == full.string(from: date), "\(seconds)")
            #expect(ISO8601Date.day(date) == day.string(from: date), "\(seconds)")
        }
    }

    /// Instants the C calendar cannot hold are written by the formatter, never a crash.
    @Test func instantsBeyondTheCalendarAreStillWritten() {
        for seconds in [Double.infinity, -Double.infinity, .nan, 1e300] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISO8601Date.format(date) == ISO8601DateFormatter().string(from: date))
            _ = ISO8601Date.day(date)
        }
    }

    @Test func aFormattedDateParsesBackToItsWholeSecond() {
        let date = Date(timeIntervalSince1970: 1_795_900_000.75)
        #expect(ISO8601Date.format(date) == "2026-11-28T21:06:40Z")
        #expect(ISO8601Date.parse(ISO8601Date.format(date)) == Date(timeIntervalSince1970: 1_795_900_000))
    }
}

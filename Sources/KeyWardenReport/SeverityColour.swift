import KeyWardenSupport
/// ANSI colours for severities in terminal reports, one palette for scan and audit.
struct SeverityColour {
    /// False when stdout is not a terminal or NO_COLOR is set: then text passes unchanged.
    let enabled: Bool

    func paint(_ text: String, _ severity: Severity) -> String {
        guard enabled else { return text }
        let code = switch severity {
        case .critical: "1;31"
        case .high: "31"
        case .medium: "33"
        case .low: "36"
        case .info: "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

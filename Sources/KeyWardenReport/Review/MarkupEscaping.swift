/// Text made safe to place in HTML or XML, in element content and in quoted attributes alike:
/// a path or label holding `<script>` stays text.
enum MarkupEscaping {
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0 forbids most control characters even as references: they are replaced by U+FFFD.
    static func xml(_ text: String) -> String {
        html(String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            let value = scalar.value
            let allowed = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF)
                || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000
            return allowed ? scalar : "\u{FFFD}"
        })))
    }
}

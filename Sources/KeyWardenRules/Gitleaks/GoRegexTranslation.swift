/// A Go (RE2) regular expression from a gitleaks or betterleaks config, rewritten into the PCRE
/// syntax keywarden's engines (Hyperscan and PCRE2, both compiled multi-line) read the same way.
///
/// Go's `regexp` and PCRE2 agree on most of the syntax gitleaks rules use; where they read the
/// same text differently the text is rewritten, and where RE2 has no meaning for it (gitleaks
/// itself refuses the pattern) or the engines cannot be made to agree, translation fails at the
/// offending character:
/// - `^` and `$` without `(?m)` are Go's start and end of the text: written `\A` and `\z`
///   (keywarden compiles patterns multi-line, where they would be line anchors);
/// - `\s` is Go's `[\t\n\f\r ]` (PCRE2's also takes the vertical tab) and `\v` is Go's vertical
///   tab (PCRE2's is a class of vertical spaces): written out;
/// - a `{` that is not a Go repeat (`{,3}`, `{1, 2}`, `{a}`) is a literal brace in Go, and may be a
///   repeat to PCRE2: escaped;
/// - refused: lookarounds, backreferences (`\1`), possessive quantifiers (`a++`), atomic groups,
///   `\Z`, `\C`, `\G`, `\K`, `\R`, `\X`, `\h`, Unicode classes (`\pL`: files are matched as bytes),
///   the ungreedy flag `(?U)`, flags Go lacks (`(?x)`), repeats over 1000, and non-ASCII characters.
public struct GoRegexTranslation: Sendable, Equatable {
    /// The pattern in PCRE syntax.
    public let pattern: String
    /// Capturing groups, numbered and named, in order.
    public let captureGroups: Int

    /// Why a Go regex cannot be used, and at which character (offset in Unicode scalars).
    public struct Problem: Error, Sendable, Equatable {
        public let offset: Int
        public let message: String
    }

    public static func translate(_ go: String) throws(Problem) -> GoRegexTranslation {
        var translator = Translator(Array(go.unicodeScalars))
        try translator.run()
        return GoRegexTranslation(pattern: translator.output, captureGroups: translator.captures)
    }
}

private struct Translator {
    let scalars: [Unicode.Scalar]
    var index = 0
    var output = ""
    var captures = 0
    /// Whether `(?m)` is in force, per open group (Go flags last to the end of their group).
    var multiline: [Bool] = [false]

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
    func problem(_ message: String, at offset: Int? = nil) -> GoRegexTranslation.Problem {
        GoRegexTranslation.Problem(offset: offset ?? index, message: message)
    }

    mutating func run() throws(GoRegexTranslation.Problem) {
        if let bad = scalars.firstIndex(where: { !$0.isASCII }) {
            throw problem("non-ASCII character in the pattern (keywarden matches files as bytes; write it as \\x escapes of its UTF-8 bytes)", at: bad)
        }
        var canRepeat = false
        while let scalar = peek() {
            switch scalar {
            case "\\":
                try escape(inClass: false)
                canRepeat = true
            case "[":
                try characterClass()
                canRepeat = true
            case "(":
                try openGroup()
                canRepeat = false
            case ")":
                if multiline.count > 1 { multiline.removeLast() }
                output += ")"; index += 1
                canRepeat = true
            case "^":
                output += multiline.last! ? "^" : "\\A"; index += 1
                canRepeat = false
            case "$":
                output += multiline.last! ? "$" : "\\z"; index += 1
                canRepeat = false
            case "*", "+", "?":
                output.unicodeScalars.append(scalar); index += 1
                try afterQuantifier()
                canRepeat = false
            case "{":
                if canRepeat, let repeatEnd = try goRepeat() {
                    output += String(String.UnicodeScalarView(scalars[index..<repeatEnd]))
                    index = repeatEnd
                    try afterQuantifier()
                    canRepeat = false
                } else {
                    output += "\\{"; index += 1
                    canRepeat = true
                }
            case "|":
                output += "|"; index += 1
                canRepeat = false
            default:
                output.unicodeScalars.append(scalar); index += 1
                canRepeat = true
            }
        }
    }

    /// After `*`, `+`, `?` or a repeat: a lazy `?` is read alike; a `+` is PCRE2's possessive form,
    /// which Go refuses.
    mutating func afterQuantifier() throws(GoRegexTranslation.Problem) {
        if peek() == "?" { output += "?"; index += 1 }
        if peek() == "+" || peek() == "*" || peek() == "{" && (try? goRepeat()) != nil {
            throw problem(peek() == "+" ? "possessive quantifier: RE2 has none (gitleaks rejects the pattern), PCRE2 would read it"
                                        : "a repeat of a repeat: RE2 rejects it")
        }
    }

    /// The end of a Go repeat `{n}`, `{n,}`, `{n,m}` starting here, or nil when Go reads the brace literally.
    func goRepeat() throws(GoRegexTranslation.Problem) -> Int? {
        var cursor = index + 1
        func number() -> Int? {
            var digits = ""
            while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) { digits.unicodeScalars.append(scalars[cursor]); cursor += 1 }
            return digits.isEmpty ? nil : Int(digits.prefix(9))
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            high = number()
        }
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        if low > 1000 || (high ?? 0) > 1000 { throw problem("repeat count over 1000: RE2 rejects it") }
        if let high, high < low { throw problem("repeat with its maximum below its minimum") }
        return cursor + 1
    }

    mutating func openGroup() throws(GoRegexTranslation.Problem) {
        let start = index
        index += 1
        guard peek() == "?" else {
            captures += 1
            multiline.append(multiline.last!)
            output += "("
            return
        }
        switch peek(1) {
        case ":":
            index += 2
            multiline.append(multiline.last!)
            output += "(?:"
        case "P" where peek(2) == "<", "<" where peek(2) != "=" && peek(2) != "!":
            let nameStart = peek(1) == "P" ? index + 3 : index + 2
            var cursor = nameStart
            while cursor < scalars.count, scalars[cursor] != ">" { cursor += 1 }
            let name = String(String.UnicodeScalarView(scalars[nameStart..<min(cursor, scalars.count)]))
            guard cursor < scalars.count, !name.isEmpty,
                  name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else {
                throw problem("invalid group name", at: start)
            }
            captures += 1
            multiline.append(multiline.last!)
            output += "(?<\(name)>"
            index = cursor + 1
        case "=", "!":
            throw problem("lookahead: RE2 has no lookarounds (gitleaks rejects the pattern), PCRE2 would read it", at: start)
        case "<":
            throw problem("lookbehind: RE2 has no lookarounds (gitleaks rejects the pattern), PCRE2 would read it", at: start)
        default:
            // Flags: (?flags) sets them to the end of the group, (?flags:re) for re only.
            var cursor = index + 1
            var negated = false
            var setsMultiline: Bool?
            var flags = ""
            while cursor < scalars.count, scalars[cursor] != ")" && scalars[cursor] != ":" {
                let flag = scalars[cursor]
                switch flag {
                case "i", "s": break
                case "m": setsMultiline = !negated
                case "-": negated = true
                case "U":
                    throw problem("the ungreedy flag (?U): Go swaps greedy and lazy repeats under it; keywarden's engines do not take it (write the repeats lazy)", at: cursor)
                default:
                    throw problem("'(?\(flag)': not a Go regex flag group (Go has i, m, s and U; no atomic groups, comments or recursion)", at: start)
                }
                flags.unicodeScalars.append(flag)
                cursor += 1
            }
            guard cursor < scalars.count, !flags.isEmpty || scalars[cursor] == ":" else { throw problem("unterminated flag group", at: start) }
            if scalars[cursor] == ")" {
                if let setsMultiline { multiline[multiline.count - 1] = setsMultiline }
                // Hyperscan takes flags only at the start of a group, so a flag group mid-pattern is kept as written.
                output += "(?\(flags))"
            } else {
                multiline.append(setsMultiline ?? multiline.last!)
                output += "(?\(flags):"
            }
            index = cursor + 1
        }
    }

    mutating func characterClass() throws(GoRegexTranslation.Problem) {
        output += "["
        index += 1
        if peek() == "^" { output += "^"; index += 1 }
        // A `]` first in the class is a literal.
        if peek() == "]" { output += "\\]"; index += 1 }
        while true {
            guard let scalar = peek() else { throw problem("unterminated character class") }
            switch scalar {
            case "]":
                output += "]"; index += 1
                return
            case "\\":
                try escape(inClass: true)
            case "[" where peek(1) == ":":
                // A POSIX class, read alike by both.
                var cursor = index + 2
                while cursor + 1 < scalars.count, !(scalars[cursor] == ":" && scalars[cursor + 1] == "]") { cursor += 1 }
                guard cursor + 1 < scalars.count else { throw problem("unterminated POSIX class") }
                output += String(String.UnicodeScalarView(scalars[index...(cursor + 1)]))
                index = cursor + 2
            case "[":
                output += "\\["; index += 1
            default:
                output.unicodeScalars.append(scalar); index += 1
            }
        }
    }

    /// `\xHH`, the one form both engines read for a byte.
    static func byte(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\x" + (hex.count == 1 ? "0" + hex : hex)
    }

    mutating func escape(inClass: Bool) throws(GoRegexTranslation.Problem) {
        let start = index
        guard let code = peek(1) else { throw problem("trailing backslash") }
        index += 2
        switch code {
        case "1"..."9":
            throw problem("'\\\(code)': a backreference to PCRE2, an error or an octal code to Go; write the character as \\x escape", at: start)
        case "0":
            // Octal, up to three digits in all, in both.
            var digits = ""
            while digits.count < 2, let next = peek(), ("0"..."7").contains(next) { digits.unicodeScalars.append(next); index += 1 }
            // Go reads `\0` and at most two more octal digits: at most \x3f, one byte in every engine.
            output += Self.byte(UInt32(digits, radix: 8) ?? 0)
        case "s":
            output += inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]"
        case "S":
            // Inside a class PCRE2's \S also leaves out the vertical tab; the one byte is documented.
            output += inClass ? "\\S" : "[^\\t\\n\\f\\r ]"
        case "v":
            output += "\\x0b"
        case "a":
            output += "\\x07"
        case "d", "D", "w", "W", "f", "t", "n", "r":
            output += "\\\(code)"
        case "A", "z", "b", "B":
            guard !inClass else { throw problem("'\\\(code)' inside a character class: Go rejects it", at: start) }
            output += "\\\(code)"
        case "x":
            var hex = ""
            if peek() == "{" {
                index += 1
                while let next = peek(), next != "}" { hex.unicodeScalars.append(next); index += 1 }
                guard peek() == "}" else { throw problem("unterminated \\x{...}", at: start) }
                index += 1
            } else {
                for _ in 0..<2 { if let next = peek() { hex.unicodeScalars.append(next); index += 1 } }
            }
            guard let value = UInt32(hex, radix: 16), hex.count <= 8 else { throw problem("invalid \\x escape", at: start) }
            guard value < 0x80 else {
                throw problem("'\\x\(hex)' is a Unicode character to Go and a byte to keywarden's engines; write its UTF-8 bytes", at: start)
            }
            output += Self.byte(value)
        case "Q":
            // Literal text up to \E, escaped one character at a time.
            while index < scalars.count, !(peek() == "\\" && peek(1) == "E") {
                let literal = scalars[index]
                let word = literal.properties.isAlphabetic || ("0"..."9").contains(literal) || literal == "_" || literal == " "
                output += word ? String(literal) : "\\\(literal)"
                index += 1
            }
            if index < scalars.count { index += 2 }
        case "Z":
            throw problem("'\\Z': RE2 has no \\Z (end of text is \\z); PCRE2 also matches it before a final newline", at: start)
        case "C":
            throw problem("'\\C': any byte to RE2, one code unit to PCRE2; keywarden's engines do not take it (use . with (?s))", at: start)
        case "p", "P":
            throw problem("'\\\(code)': Unicode classes are not matched (keywarden matches files as bytes); use an ASCII class", at: start)
        default:
            guard code.isASCII, !code.properties.isAlphabetic else {
                throw problem("'\\\(code)': not an escape Go's regexp knows (gitleaks rejects the pattern)", at: start)
            }
            output += "\\\(code)"
        }
    }
}

/// The longest run of literal characters every match of a pattern must contain, read from the
/// pattern's syntax (conservatively: a run stops at any group, class, assertion or optional
/// character; an alternation counts as its weakest branch). Hyperscan finds such a literal first
/// and runs the rest of the automaton only around it, so a rule with none is scanned at every
/// byte: the catalogue gate requires one or a stated reason (`noLiteralFactor`).
public enum RequiredLiteral {
    /// Shorter literals occur too often in code to narrow the scan.
    public static let minimumLength = 3

    public static func length(in pattern: String) -> Int {
        var parser = Parser(characters: Array(pattern))
        return parser.alternation().length
    }

    private struct Parser {
        let characters: [Character]
        var index = 0

        var atEnd: Bool { index >= characters.count }

        /// What a branch or group guarantees: its longest required literal, and whether it is
        /// nothing but literal characters (then a run continues through it: `bk(?:ct|ar)_`).
        struct Literal {
            var length: Int
            var isPure: Bool
        }

        /// Branches separated by `|` up to a closing `)` (consumed by the caller) or the end.
        mutating func alternation() -> Literal {
            var weakest = sequence()
            while !atEnd, characters[index] == "|" {
                index += 1
                let branch = sequence()
                weakest = Literal(length: min(weakest.length, branch.length), isPure: weakest.isPure && branch.isPure)
            }
            return weakest
        }

        /// The best literal run of one branch.
        mutating func sequence() -> Literal {
            var best = 0
            var run = 0
            var isPure = true
            while !atEnd, characters[index] != "|", characters[index] != ")" {
                let character = characters[index]
                if "[.^$".contains(character) { isPure = false }
                switch character {
                case "(":
                    let inner = group()
                    if inner.isPure && !isQuantifier() {
                        // A literal alternation continues the run by its shortest branch.
                        run += inner.length
                    } else {
                        isPure = false
                        best = max(best, run)
                        run = 0
                        if quantifierAllowsZero() { skipQuantifier() } else { skipQuantifier(); best = max(best, inner.length) }
                    }
                case "[":
                    best = max(best, run)
                    run = 0
                    skipClass()
                    skipQuantifier()
                case ".", "^", "$":
                    best = max(best, run)
                    run = 0
                    index += 1
                    skipQuantifier()
                case "\\":
                    let literal = escapeIsLiteral()
                    if literal {
                        let before = run
                        run = extend(run, &best)
                        if run != before + 1 { isPure = false }
                    } else {
                        isPure = false
                        best = max(best, run); run = 0; skipQuantifier()
                    }
                default:
                    index += 1
                    let before = run
                    run = extend(run, &best)
                    if run != before + 1 { isPure = false }
                }
            }
            return Literal(length: max(best, run), isPure: isPure)
        }

        /// A literal character was consumed: it extends the run unless a quantifier follows.
        mutating func extend(_ run: Int, _ best: inout Int) -> Int {
            guard !atEnd, "?*+{".contains(characters[index]), isQuantifier() else { return run + 1 }
            let optional = quantifierAllowsZero()
            skipQuantifier()
            // `a+` or `a{2,}` still contains one `a`, but the run cannot continue across it.
            best = max(best, optional ? run : run + 1)
            return 0
        }

        /// After `\`: consumes the escape, true when it stands for one literal character.
        mutating func escapeIsLiteral() -> Bool {
            index += 1
            guard !atEnd else { return false }
            let escaped = characters[index]
            index += 1
            if escaped == "x" {
                if !atEnd, characters[index] == "{" {
                    while !atEnd, characters[index] != "}" { index += 1 }
                    index += 1
                } else {
                    index = min(characters.count, index + 2)
                }
                return true
            }
            return !"dDsSwWbBhHvVAzZGQEkKpPRXN".contains(escaped) && !escaped.isNumber
        }

        /// `( ... )` with its kind: lookarounds and inline options count for nothing.
        mutating func group() -> Literal {
            index += 1
            var countsForNothing = false
            if !atEnd, characters[index] == "?" {
                index += 1
                if !atEnd, "=!".contains(characters[index]) {
                    countsForNothing = true
                } else if !atEnd, characters[index] == "<", index + 1 < characters.count, "=!".contains(characters[index + 1]) {
                    countsForNothing = true
                } else if !atEnd, "<P'".contains(characters[index]) {
                    // A named group: `(?<name>`, `(?P<name>`, `(?'name'`.
                    if characters[index] == "P" { index += 1 }
                    let close: Character = !atEnd && characters[index] == "'" ? "'" : ">"
                    index += 1
                    while !atEnd, characters[index] != close { index += 1 }
                    index += 1
                } else {
                    // Inline options: `(?i)` alone, or `(?i:` opening a group.
                    while !atEnd, characters[index] != ":", characters[index] != ")" { index += 1 }
                    if !atEnd, characters[index] == ")" { index += 1; return Literal(length: 0, isPure: true) }
                    index += 1
                }
            }
            let inner = alternation()
            if !atEnd, characters[index] == ")" { index += 1 }
            return countsForNothing ? Literal(length: 0, isPure: false) : inner
        }

        mutating func skipClass() {
            index += 1
            if !atEnd, characters[index] == "^" { index += 1 }
            if !atEnd, characters[index] == "]" { index += 1 }
            while !atEnd, characters[index] != "]" {
                if characters[index] == "\\" { index += 1 }
                index += 1
            }
            index += 1
        }

        func isQuantifier() -> Bool {
            guard !atEnd else { return false }
            switch characters[index] {
            case "?", "*", "+": return true
            case "{":
                var cursor = index + 1
                var sawDigit = false
                while cursor < characters.count, characters[cursor].isNumber || characters[cursor] == "," {
                    sawDigit = sawDigit || characters[cursor].isNumber
                    cursor += 1
                }
                return sawDigit && cursor < characters.count && characters[cursor] == "}"
            default: return false
            }
        }

        func quantifierAllowsZero() -> Bool {
            guard isQuantifier() else { return false }
            switch characters[index] {
            case "?", "*": return true
            case "+": return false
            default:
                var cursor = index + 1
                var digits = ""
                while cursor < characters.count, characters[cursor].isNumber { digits.append(characters[cursor]); cursor += 1 }
                return Int(digits) ?? 0 == 0
            }
        }

        mutating func skipQuantifier() {
            guard isQuantifier() else { return }
            if characters[index] == "{" {
                while !atEnd, characters[index] != "}" { index += 1 }
            }
            index += 1
            // Lazy or possessive suffix.
            if !atEnd, characters[index] == "?" || characters[index] == "+" { index += 1 }
        }
    }
}

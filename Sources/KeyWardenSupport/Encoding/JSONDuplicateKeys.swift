/// Finds the first object key that appears twice in one JSON object. Foundation's decoders keep
/// one of the two silently, so a saved report or a server response could hide a finding or a
/// permission behind a second key with the same name; callers refuse such documents instead.
///
/// A single pass over the bytes that knows strings, escapes and nesting and nothing else: it is
/// run before the real decoder, which still rejects anything that is not JSON.
public enum JSONDuplicateKeys {
    public struct Duplicate: Sendable, Equatable, CustomStringConvertible {
        public let key: String
        /// 1-based, counted in lines and bytes of the document.
        public let line: Int
        public let column: Int
        public var description: String { "duplicate key '\(key)' at line \(line), column \(column)" }
    }

    public static func first(in bytes: some Collection<UInt8>) -> Duplicate? {
        var objects: [Set<[UInt8]>?] = []  // one entry per open container; nil for arrays
        var expectingKey = false
        var line = 1
        var lineStart = 0
        var index = 0
        var iterator = Array(bytes)[...]
        func column(_ at: Int) -> Int { at - lineStart + 1 }
        while let byte = iterator.first {
            switch byte {
            case UInt8(ascii: "{"):
                objects.append([])
                expectingKey = true
            case UInt8(ascii: "["):
                objects.append(nil)
                expectingKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = objects.popLast()
                expectingKey = false
            case UInt8(ascii: ","):
                expectingKey = objects.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = index + 1
            case UInt8(ascii: "\""):
                let start = index
                var raw: [UInt8] = []
                iterator = iterator.dropFirst()
                index += 1
                while let next = iterator.first, next != UInt8(ascii: "\"") {
                    raw.append(next)
                    if next == UInt8(ascii: "\\"), let escaped = iterator.dropFirst().first {
                        raw.append(escaped)
                        iterator = iterator.dropFirst()
                        index += 1
                    }
                    iterator = iterator.dropFirst()
                    index += 1
                }
                if expectingKey, var keys = objects.last ?? nil {
                    let key = unescaped(raw)
                    if !keys.insert(key).inserted {
                        return Duplicate(key: String(decoding: key, as: UTF8.self), line: line, column: column(start))
                    }
                    objects[objects.count - 1] = keys
                    expectingKey = false
                }
            default:
                break
            }
            iterator = iterator.dropFirst()
            index += 1
        }
        return nil
    }

    /// Simple escapes resolved so `"a"` and `"\u0061"` are the same key; other `\u` forms are
    /// compared as written (a duplicate spelled two ways that this misses still decodes, as before).
    private static func unescaped(_ raw: [UInt8]) -> [UInt8] {
        guard raw.contains(UInt8(ascii: "\\")) else { return raw }
        var out: [UInt8] = []
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "\\"), i + 1 < raw.count {
                let next = raw[i + 1]
                if next == UInt8(ascii: "u"), i + 5 < raw.count,
                   let value = UInt32(String(decoding: raw[(i + 2)...(i + 5)], as: UTF8.self), radix: 16), value < 0x80 {
                    out.append(UInt8(value))
                    i += 6
                    continue
                }
                let simple: [UInt8: UInt8] = [UInt8(ascii: "n"): 0x0A, UInt8(ascii: "t"): 0x09, UInt8(ascii: "r"): 0x0D,
                                              UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C]
                out.append(simple[next] ?? next)
                i += 2
            } else {
                out.append(raw[i])
                i += 1
            }
        }
        return out
    }
}

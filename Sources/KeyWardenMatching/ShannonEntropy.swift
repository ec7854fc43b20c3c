/// Shannon entropy in bits per byte: random base64 is near 6, English words near 4, "aaaa" 0.
public enum ShannonEntropy {
    public static func of<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Double {
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        let total = Double(bytes.count)
        var entropy = 0.0
        for count in counts where count > 0 {
            let p = Double(count) / total
            entropy -= p * log2(p)
        }
        return entropy
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

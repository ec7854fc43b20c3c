import KeyWardenSupport
import CCurl
import Foundation

/// Sends one request. Connectors depend on this, not on URLSession, so the transport can be
/// wrapped (recording, proxies) without touching them.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: Duration) async throws(TransportError) -> HTTPResponse
}

/// Why a request got no usable HTTP response.
public enum TransportError: Error, Sendable, Equatable {
    /// No complete response within the timeout (a body that trickles in counts as none).
    case timedOut
    case unreachable(String)
    /// The body went past the transport's limit; the request was cancelled there.
    case tooLarge(limit: Int)
}

/// The transport keywarden ships: libcurl, loaded when the first request is sent (a scan never
/// loads it), held to three bounds a hostile or broken server cannot lift: the timeout covers the
/// whole exchange (headers and every byte of the body), the body stops at `maxResponseBytes`, and
/// redirects are never followed, since following one would re-send the signed headers (key,
/// passphrase, signature) to wherever the server points; the 3xx itself is returned.
///
/// libcurl rather than URLSession: FoundationNetworking links libcurl and about thirty libraries
/// behind it into every run, some 10 ms of process start, which a pre-commit scan cannot spare.
public struct CurlTransport: HTTPTransport {
    /// Key listings are kilobytes; a few MiB leaves room for thousands of keys.
    public static let standardMaxResponseBytes = 4 << 20

    public let maxResponseBytes: Int

    public init(maxResponseBytes: Int = Self.standardMaxResponseBytes) {
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws(TransportError) -> HTTPResponse {
        let limit = maxResponseBytes
        // libcurl blocks its caller: the exchange runs on a thread of its own, not on one of the
        // few threads Swift concurrency shares among tasks.
        let result: Result<HTTPResponse, TransportError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Self.perform(request, timeout: timeout, limit: limit))
            }
        }
        return try result.get()
    }

    private static func perform(_ request: HTTPRequest, timeout: Duration, limit: Int) -> Result<HTTPResponse, TransportError> {
        let collector = ResponseCollector(limit: limit)
        let headerLines = request.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        var status = 0
        var message = [CChar](repeating: 0, count: 512)
        let milliseconds = max(1, Int(timeout.timeInterval * 1000))
        let outcome = withCStrings(headerLines) { pointers in
            let headers = pointers.map { UnsafePointer($0) }
            return request.method.withCString { method in
                request.url.absoluteString.withCString { url in
                    "keywarden".withCString { agent in
                        Self.withBody(request.body) { body, length in
                            var call = kw_curl_request(method: method, url: url, headers: headers, header_count: headerLines.count,
                                                       body: body, body_length: length, timeout_ms: milliseconds, user_agent: agent)
                            return kw_curl_perform(&call, ResponseCollector.takeHeader, ResponseCollector.takeBody,
                                                   Unmanaged.passUnretained(collector).toOpaque(), &status, &message, message.count)
                        }
                    }
                }
            }
        }
        let explanation = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch outcome {
        case KW_CURL_OK: return .success(HTTPResponse(status: status, headers: collector.headers, body: collector.body))
        case KW_CURL_TIMED_OUT: return .failure(.timedOut)
        case KW_CURL_ABORTED: return .failure(.tooLarge(limit: limit))
        default: return .failure(.unreachable(explanation))
        }
    }

    private static func withBody<R>(_ body: Data?, _ work: (UnsafeRawPointer?, Int) -> R) -> R {
        guard let body else { return work(nil, 0) }
        // An empty body is still a body (Content-Length: 0), so the pointer must not be nil.
        return body.isEmpty ? withUnsafeBytes(of: 0) { work($0.baseAddress, 0) } : body.withUnsafeBytes { work($0.baseAddress, $0.count) }
    }

}

/// One response as libcurl hands it over: header lines, then body pieces up to the limit.
private final class ResponseCollector {
    let limit: Int
    private(set) var headers: [String: String] = [:]
    private(set) var body = Data()

    init(limit: Int) { self.limit = limit }

    static let takeHeader: kw_curl_sink = { data, length, context in
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context!).takeUnretainedValue()
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new response (after a 100 Continue): only the last one's headers count.
            collector.headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            collector.headers[name] = collector.headers[name].map { $0 + ", " + value } ?? value
        }
        return 0
    }

    static let takeBody: kw_curl_sink = { data, length, context in
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context!).takeUnretainedValue()
        guard collector.body.count + length <= collector.limit else { return 1 }
        if let data { collector.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length) }
        return 0
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }

    /// A wait a server asked for, in seconds: nil when it is not a number, otherwise clamped to
    /// [0, about 30 years] so no header value can overflow a `Duration` (callers compare it with
    /// the longest wait they accept and give up on it).
    static func serverRequested(seconds: Double) -> Duration? {
        guard seconds.isFinite || seconds == .infinity else { return nil }
        return .seconds(min(max(0, seconds), 1e9))
    }
}

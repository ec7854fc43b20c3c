import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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

/// The transport keywarden ships: Foundation's URLSession (FoundationNetworking on Linux), held
/// to three bounds a hostile or broken server cannot lift: the timeout covers the whole exchange
/// (headers and every byte of the body), the body stops at `maxResponseBytes`, and redirects are
/// never followed, since following one would re-send the signed headers (key, passphrase,
/// signature) to wherever the server points; the 3xx itself is returned.
public struct URLSessionTransport: HTTPTransport {
    /// Key listings are kilobytes; a few MiB leaves room for thousands of keys.
    public static let standardMaxResponseBytes = 4 << 20

    public let maxResponseBytes: Int

    public init(maxResponseBytes: Int = Self.standardMaxResponseBytes) {
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws(TransportError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval = timeout.timeInterval
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout.timeInterval
        configuration.timeoutIntervalForResource = timeout.timeInterval
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let collector = BoundedResponseCollector(limit: maxResponseBytes)
        let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let result: Result<HTTPResponse, TransportError> = await withCheckedContinuation { continuation in
            let task = session.dataTask(with: urlRequest)
            collector.start(task, continuation: continuation)
            // URLSession's own timeouts restart with every byte received on Linux; this one does not.
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout.timeInterval) { collector.finish(.failure(.timedOut)) }
            task.resume()
        }
        return try result.get()
    }
}

/// Collects one response through the session delegate, enforcing the body limit and refusing
/// redirects; whichever of completion, limit or deadline comes first settles the result.
private final class BoundedResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let limit: Int
    private let lock = NSLock()
    private var body = Data()
    private var response: HTTPURLResponse?
    private var task: URLSessionTask?
    private var continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>?

    init(limit: Int) { self.limit = limit }

    func start(_ task: URLSessionTask, continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>) {
        lock.withLock {
            self.task = task
            self.continuation = continuation
        }
    }

    /// The first call wins; later ones (a completion after the deadline) are ignored.
    func finish(_ result: Result<HTTPResponse, TransportError>) {
        let (continuation, task) = lock.withLock {
            defer { self.continuation = nil }
            return (self.continuation, self.task)
        }
        guard let continuation else { return }
        task?.cancel()
        continuation.resume(returning: result)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.withLock { self.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overflow = lock.withLock { () -> Bool in
            guard body.count + data.count <= limit else { return true }
            body.append(data)
            return false
        }
        if overflow { finish(.failure(.tooLarge(limit: limit))) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error = error as? URLError {
            finish(.failure(error.code == .timedOut ? .timedOut : .unreachable(error.localizedDescription)))
        } else if let error {
            finish(.failure(.unreachable(error.localizedDescription)))
        } else if let http = lock.withLock({ response }) ?? (task.response as? HTTPURLResponse) {
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name] = value }
            }
            finish(.success(HTTPResponse(status: http.statusCode, headers: headers, body: lock.withLock { body })))
        } else {
            finish(.failure(.unreachable("no HTTP response")))
        }
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

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one request. Connectors depend on this, not on URLSession, so the transport can be
/// wrapped (recording, proxies) without touching them.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: Duration) async throws(TransportError) -> HTTPResponse
}

/// Why a request got no HTTP response at all.
public enum TransportError: Error, Sendable, Equatable {
    case timedOut
    case unreachable(String)
}

/// The transport keywarden ships: Foundation's URLSession (FoundationNetworking on Linux).
public struct URLSessionTransport: HTTPTransport {
    public init() {}

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
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let result: Result<HTTPResponse, TransportError> = await withCheckedContinuation { continuation in
            session.dataTask(with: urlRequest) { data, response, error in
                if let error = error as? URLError {
                    continuation.resume(returning: .failure(error.code == .timedOut ? .timedOut : .unreachable(error.localizedDescription)))
                } else if let error {
                    continuation.resume(returning: .failure(.unreachable(error.localizedDescription)))
                } else if let http = response as? HTTPURLResponse {
                    var headers: [String: String] = [:]
                    for (name, value) in http.allHeaderFields {
                        if let name = name as? String, let value = value as? String { headers[name] = value }
                    }
                    continuation.resume(returning: .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data())))
                } else {
                    continuation.resume(returning: .failure(.unreachable("no HTTP response")))
                }
            }.resume()
        }
        return try result.get()
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}

import Synchronization

/// How far a history scan has come, for a progress line.
public struct GitScanProgress: Sendable, Equatable {
    public var blobsDone: Int
    public var blobsTotal: Int
    public var bytesDone: Int
    public var elapsedSeconds: Double

    public var megabytesPerSecond: Double {
        elapsedSeconds > 0 ? Double(bytesDone) / 1_048_576 / elapsedSeconds : 0
    }
}

/// Counts finished blobs from several threads and calls the observer at most every `interval`
/// (a terminal redrawn per blob would cost more than the scan).
public final class GitScanProgressCounter: Sendable {
    /// Items to read: known up front for files, still growing while a history is listed.
    private let total: @Sendable () -> Int
    private let started = ContinuousClock.now
    private let interval: Duration
    private let observer: (@Sendable (GitScanProgress) -> Void)?
    private let state = Mutex<(blobs: Int, bytes: Int, lastReport: ContinuousClock.Instant?)>((0, 0, nil))

    public convenience init(total: Int, interval: Duration = .milliseconds(100), observer: (@Sendable (GitScanProgress) -> Void)?) {
        self.init(total: { total }, interval: interval, observer: observer)
    }

    public init(total: @escaping @Sendable () -> Int, interval: Duration = .milliseconds(100),
                observer: (@Sendable (GitScanProgress) -> Void)?) {
        self.total = total
        self.interval = interval
        self.observer = observer
    }

    func add(bytes: Int) {
        guard let observer else { return }
        let now = ContinuousClock.now
        let report: GitScanProgress? = state.withLock { state in
            state.blobs += 1
            state.bytes += bytes
            if let last = state.lastReport, now - last < interval, state.blobs < total() { return nil }
            state.lastReport = now
            return progress(state.blobs, state.bytes, now)
        }
        if let report { observer(report) }
    }

    private func progress(_ blobs: Int, _ bytes: Int, _ now: ContinuousClock.Instant) -> GitScanProgress {
        let elapsed = (now - started).components
        return GitScanProgress(blobsDone: blobs, blobsTotal: total(), bytesDone: bytes,
                               elapsedSeconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    }
}

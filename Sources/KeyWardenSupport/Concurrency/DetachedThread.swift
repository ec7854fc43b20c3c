#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX thread rather than Foundation's Thread, whose first start costs a pre-commit scan
/// milliseconds of setup on its critical path, or a Dispatch queue, whose pool on a two-core
/// machine may not give a thread to work that blocks on a pipe while the scan workers run.
package enum DetachedThread {
    package static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        guard pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context) == 0 else {
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()  // no thread to be had: run it here
            return
        }
        pthread_detach(thread)
    }

    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}

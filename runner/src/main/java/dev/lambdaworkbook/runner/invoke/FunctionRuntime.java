package dev.lambdaworkbook.runner.invoke;

import dev.lambdaworkbook.runner.child.ErrorJson;
import dev.lambdaworkbook.runner.child.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs a function like Lambda's service does: a cold start creates an execution environment (a child JVM), warm
 * invocations reuse it with the same handler instance, and a timeout, a crash or running out of memory discards it.
 * Invocations run one at a time.
 */
public final class FunctionRuntime implements AutoCloseable {

    /** Lambda's limit for the init phase of an on-demand function. */
    static final long INIT_LIMIT_MILLIS = 10_000;
    private static final long MEMORY_CHECK_MILLIS = 25;
    private static final long MEGABYTE = 1024 * 1024;

    private final LocalFunction function;
    private final Map<String, String> host;
    private final LogBuffer log;
    private Sandbox sandbox;

    /**
     * @param host the runner's own environment, from which only a few variables pass (see {@link ChildCommand})
     * @param liveLog receives every piece of the log as it arrives, or null to collect it only
     */
    public FunctionRuntime(LocalFunction function, Map<String, String> host, Consumer<String> liveLog) {
        this.function = function;
        this.host = Map.copyOf(host);
        this.log = new LogBuffer(liveLog);
    }

    public LocalFunction function() {
        return function;
    }

    /** Invokes the function with a JSON payload; {@code cold} discards a warm environment first. */
    public synchronized Invocation invoke(byte[] payload, boolean cold) throws InterruptedException {
        String requestId = UUID.randomUUID().toString();
        double initMillis = -1;
        if (cold || sandbox == null || !sandbox.alive()) {
            discardSandbox();
            long initStart = System.nanoTime();
            sandbox = Sandbox.start(function, host, log);
            Protocol.Frame first = sandbox.poll(INIT_LIMIT_MILLIS);
            initMillis = elapsedMillis(initStart);
            if (first == null || first.type() != Protocol.READY) {
                return failedInit(requestId, first, initMillis);
            }
            sandbox.peakBytes(-1);
        }
        return run(requestId, payload, initMillis);
    }

    private Invocation run(String requestId, byte[] payload, double initMillis) throws InterruptedException {
        int timeoutSeconds = function.config().timeout();
        log.append(LambdaLog.start(requestId));
        long start = System.nanoTime();
        long deadlineNanos = start + timeoutSeconds * 1_000_000_000L;
        sandbox.send(Protocol.INVOKE, new Protocol.Invoke(requestId,
                System.currentTimeMillis() + timeoutSeconds * 1000L, payload).encode());
        while (true) {
            Protocol.Frame frame = sandbox.poll(Math.min(MEMORY_CHECK_MILLIS, (deadlineNanos - System.nanoTime()) / 1_000_000));
            if (frame != null && frame.type() == Protocol.RESULT) {
                Protocol.Result result = Protocol.Result.decode(frame.body());
                double duration = elapsedMillis(start);
                return finish(requestId, result.success(), result.payload(), duration, initMillis,
                        sandbox.peakBytes(result.memoryUsedBytes()),
                        result.success() ? Invocation.Failure.NONE : Invocation.Failure.HANDLER_ERROR);
            }
            if (frame == Sandbox.EXITED) {
                double duration = elapsedMillis(start);
                return runtimeExited(requestId, sandbox.exitReason(), duration, initMillis);
            }
            if (overMemoryLimit()) {
                double duration = elapsedMillis(start);
                sandbox.kill();
                return runtimeExited(requestId, "signal: killed", duration, initMillis);
            }
            if (System.nanoTime() >= deadlineNanos) {
                return timedOut(requestId, elapsedMillis(start), initMillis);
            }
        }
    }

    private boolean overMemoryLimit() {
        OptionalLong resident = sandbox.residentBytes();
        if (resident.isPresent()) {
            sandbox.peakBytes(-1);
        }
        return resident.isPresent() && resident.getAsLong() > function.config().memorySize() * MEGABYTE;
    }

    private Invocation timedOut(String requestId, double duration, double initMillis) {
        long peak = sandbox.peakBytes(-1);
        sandbox.kill();
        int timeout = function.config().timeout();
        log.append(LambdaLog.timedOut(Instant.now(), requestId, timeout));
        byte[] response = ("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":"
                + ErrorJson.quote("RequestId: " + requestId + " Error: " + LambdaLog.timeoutMessage(timeout)) + "}")
                .getBytes(StandardCharsets.UTF_8);
        return finish(requestId, false, response, duration, initMillis, peak, Invocation.Failure.TIMEOUT);
    }

    private Invocation runtimeExited(String requestId, String reason, double duration, double initMillis) {
        boolean killed = reason.equals("signal: killed");
        long peak = killed ? function.config().memorySize() * MEGABYTE : sandbox.peakBytes(-1);
        log.append(LambdaLog.runtimeExited(requestId, reason));
        byte[] response = ("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":"
                + ErrorJson.quote(LambdaLog.exitMessage(requestId, reason)) + "}").getBytes(StandardCharsets.UTF_8);
        discardSandbox();
        return finish(requestId, false, response, duration, initMillis, peak,
                killed ? Invocation.Failure.OUT_OF_MEMORY : Invocation.Failure.RUNTIME_EXIT);
    }

    /** Reports an init phase that failed: an init error from the runtime, a crash or the 10 s limit. */
    private Invocation failedInit(String requestId, Protocol.Frame first, double initMillis) throws InterruptedException {
        long peak = sandbox.peakBytes(-1);
        if (first == null) {
            sandbox.kill();
            log.append(LambdaLog.start(requestId));
            log.append(LambdaLog.timedOut(Instant.now(), requestId, (int) (INIT_LIMIT_MILLIS / 1000)));
            byte[] response = ErrorJson.of("RequestId: " + requestId + " Error: "
                    + LambdaLog.timeoutMessage((int) (INIT_LIMIT_MILLIS / 1000)), "Sandbox.Timedout", null);
            return finish(requestId, false, response, 0, initMillis, peak, Invocation.Failure.TIMEOUT);
        }
        if (first.type() == Protocol.INIT_ERROR) {
            sandbox.exitReason();
            discardSandbox();
            log.append(LambdaLog.start(requestId));
            return finish(requestId, false, first.body(), 0, initMillis, peak, Invocation.Failure.INIT_ERROR);
        }
        log.append(LambdaLog.start(requestId));
        return runtimeExited(requestId, sandbox.exitReason(), 0, initMillis);
    }

    private Invocation finish(String requestId, boolean success, byte[] response, double duration, double initMillis,
            long peakBytes, Invocation.Failure failure) {
        int memorySize = function.config().memorySize();
        int maxUsed = (int) Math.min(memorySize, Math.max(1, (peakBytes + MEGABYTE - 1) / MEGABYTE));
        log.append(LambdaLog.end(requestId));
        Invocation partial = new Invocation(requestId, success, response, duration, initMillis, memorySize, maxUsed,
                "", failure);
        log.append(LambdaLog.report(partial));
        return new Invocation(requestId, success, response, duration, initMillis, memorySize, maxUsed, log.take(),
                failure);
    }

    private void discardSandbox() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    /** Ends the execution environment, if any. */
    @Override
    public synchronized void close() {
        discardSandbox();
    }

    private static double elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}

package dev.lambdaworkbook.runner.child;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaworkbook.kit.context.TestContext;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of the child JVM that plays the part of Lambda's Java runtime: loads the handler named in
 * {@code _HANDLER} from the function's classpath (the only argument) in its own class loader, then runs each
 * invocation the runner sends, until its standard input closes.
 *
 * <p>The function's configuration arrives as the environment variables Lambda defines
 * ({@code AWS_LAMBDA_FUNCTION_NAME}, {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, ...), so code that reads them behaves
 * as on Lambda.
 */
public final class ChildRuntime {

    private static final boolean RUNNER_MEASURES_MEMORY = Files.isReadable(Path.of("/proc/self/status"));

    private final Protocol.Writer protocol;
    private final String functionName;
    private final int memorySize;
    private final String region;
    private final String logStreamName;

    private ChildRuntime(Protocol.Writer protocol) {
        this.protocol = protocol;
        this.functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "mi-funcion");
        this.memorySize = Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));
        this.region = System.getenv().getOrDefault("AWS_REGION", TestContext.DEFAULT_REGION);
        this.logStreamName = System.getenv("AWS_LAMBDA_LOG_STREAM_NAME");
    }

    public static void main(String[] args) throws IOException {
        // Keep the real standard output for frames; everything the function prints becomes LOG frames.
        Protocol.Writer protocol = new Protocol.Writer(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        PrintStream log = new PrintStream(new LogStream(protocol), true, StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in));
        System.setIn(Protocol.emptyInput());

        ChildRuntime runtime = new ChildRuntime(protocol);
        FunctionHandler handler = runtime.loadHandler(System.getenv("_HANDLER"), args.length > 0 ? args[0] : "");
        protocol.write(Protocol.READY, new byte[0]);
        runtime.serve(handler, requests);
    }

    private FunctionHandler loadHandler(String handler, String classpath) {
        URLClassLoader loader = new URLClassLoader(urls(classpath), ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return new HandlerLoader(loader).load(handler == null ? "" : handler);
        } catch (UserFault fatal) {
            System.out.print(fatal.reportableError());
            System.out.flush();
            protocol.write(Protocol.INIT_ERROR, fatal.toJson());
            System.exit(1);
            throw fatal;
        }
    }

    private void serve(FunctionHandler handler, DataInputStream requests) throws IOException {
        Protocol.Frame frame;
        while ((frame = Protocol.read(requests)) != null) {
            if (frame.type() != Protocol.INVOKE) {
                throw new IllegalStateException("Mensaje inesperado del runner: tipo " + frame.type());
            }
            boolean keepRunning = invoke(handler, Protocol.Invoke.decode(frame.body()));
            if (!keepRunning) {
                System.exit(1);
            }
        }
    }

    /** Runs one invocation and sends its result; returns false when the runtime must stop, as Lambda's does. */
    private boolean invoke(FunctionHandler handler, Protocol.Invoke request) {
        Context context = context(request);
        byte[] response;
        boolean success;
        boolean keepRunning = true;
        try {
            response = handler.invoke(request.payload(), context);
            success = true;
        } catch (UserFault fault) {
            System.out.print(fault.reportableError());
            response = fault.toJson();
            success = false;
            keepRunning = !fault.fatal;
        } catch (Throwable error) {
            UserFault.filterStackTrace(error);
            response = ErrorJson.of(error);
            System.out.print(UserFault.of(error, false).reportableError());
            success = false;
            keepRunning = !(error instanceof VirtualMachineError || error instanceof IOError);
        }
        System.out.flush();
        protocol.write(Protocol.RESULT, new Protocol.Result(success, response, memoryEstimate()).encode());
        Thread.interrupted();
        return keepRunning;
    }

    private Context context(Protocol.Invoke request) {
        long remaining = Math.max(1, request.deadlineEpochMillis() - System.currentTimeMillis());
        TestContext.Builder builder = TestContext.builder()
                .awsRequestId(request.requestId())
                .functionName(functionName)
                .memoryLimitInMB(memorySize)
                .region(region)
                .timeout(Duration.ofMillis(remaining));
        if (logStreamName != null) {
            builder.logStreamName(logStreamName);
        }
        return builder.build();
    }

    /**
     * Returns the JVM's own estimate of its memory in bytes, or -1 where the runner measures the process itself
     * (Linux, through /proc), which is closer to what Lambda reports.
     */
    private static long memoryEstimate() {
        if (RUNNER_MEASURES_MEMORY) {
            return -1;
        }
        var memory = ManagementFactory.getMemoryMXBean();
        return memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
    }

    private static URL[] urls(String classpath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                urls.add(new File(entry).toURI().toURL());
            } catch (MalformedURLException impossible) {
                throw new IllegalArgumentException("Entrada de classpath no válida: '" + entry + "'", impossible);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Sends every write as a LOG frame, so the function's output keeps its order relative to the result. */
    private static final class LogStream extends OutputStream {
        private final Protocol.Writer protocol;

        LogStream(Protocol.Writer protocol) {
            this.protocol = protocol;
        }

        @Override
        public void write(int b) {
            protocol.write(Protocol.LOG, new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (length > 0) {
                protocol.write(Protocol.LOG, java.util.Arrays.copyOfRange(bytes, offset, offset + length));
            }
        }
    }
}

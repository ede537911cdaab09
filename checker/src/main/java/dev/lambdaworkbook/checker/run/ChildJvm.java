package dev.lambdaworkbook.checker.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaworkbook.checker.run.child.Harness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One child JVM running the {@link Harness}: a cleared environment, a private home and temporary folder, heap and
 * stack limits, attach disabled, and a results channel keyed with a fresh random secret sent on standard input.
 */
final class ChildJvm implements AutoCloseable {

    private static final int STDERR_LIMIT = 64 * 1024;

    /** The system property that names the checker process, so the harness can halt its JVM soon after it ends. */
    static final String CHECKER_PID_PROPERTY = "checker.pid";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final FrameReader reader;

    private ChildJvm(Process process, byte[] secret) {
        this.process = process;
        this.reader = new FrameReader(process.getInputStream(), secret, frames);
        daemon(reader, "canal-resultados");
        daemon(() -> drain(process.getErrorStream()), "salida-error");
    }

    /**
     * Starts the harness with the given selection: for each exercise, its {@code part} line and the lines that
     * describe it (see {@link Harness}).
     *
     * @param wrapper a command prefix, such as a tool that adds OS limits; empty for none
     */
    static ChildJvm start(RunRequest request, SandboxLimits limits, List<String> selection, List<String> wrapper)
            throws IOException {
        Path home = Files.createDirectories(request.workDir().resolve("home"));
        Path temp = Files.createDirectories(request.workDir().resolve("tmp"));
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(request, limits, home, temp));
        command.add(Harness.class.getName());

        ProcessBuilder builder = new ProcessBuilder(command).directory(request.workingDirectory().toFile());
        cleanEnvironment(builder.environment(), home, temp);
        Process process = builder.start();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        ChildJvm child = new ChildJvm(process, secret);
        child.sendSettings(secret, limits, selection);
        return child;
    }

    private static List<String> jvmOptions(RunRequest request, SandboxLimits limits, Path home, Path temp) {
        List<String> options = new ArrayList<>(memoryOptions(limits));
        options.addAll(List.of(
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-XX:+DisableAttachMechanism",
                "-Xlog:disable",
                "-Xlog:all=error:stderr",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-Duser.home=" + home,
                "-Djava.io.tmpdir=" + temp,
                "-D" + CHECKER_PID_PROPERTY + "=" + ProcessHandle.current().pid()));
        if (Runtime.version().feature() >= 24) {
            options.add("--illegal-native-access=deny");
        }
        options.addAll(request.jvmOptions());
        options.add("-cp");
        options.add(request.classpath().stream().map(Path::toString)
                .collect(Collectors.joining(System.getProperty("path.separator"))));
        return options;
    }

    /** Returns the heap, stack and collector options, which a class data sharing archive must be dumped with too. */
    static List<String> memoryOptions(SandboxLimits limits) {
        return List.of("-Xmx" + limits.maxHeap(), "-Xss" + limits.threadStack(), "-XX:+UseSerialGC");
    }

    /** Keeps only what a JVM needs: no AWS credentials, no proxies, no tool options from the instructor's shell. */
    private static void cleanEnvironment(Map<String, String> environment, Path home, Path temp) {
        String language = environment.getOrDefault("LANG", "C.UTF-8");
        String timeZone = environment.get("TZ");
        environment.clear();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("HOME", home.toString());
        environment.put("TMPDIR", temp.toString());
        environment.put("LANG", language);
        if (timeZone != null) {
            environment.put("TZ", timeZone);
        }
    }

    private void sendSettings(byte[] secret, SandboxLimits limits, List<String> selection) throws IOException {
        StringBuilder settings = new StringBuilder();
        settings.append("secret ").append(HexFormat.of().formatHex(secret)).append('\n');
        settings.append("output-limit ").append(limits.outputLimit()).append('\n');
        selection.forEach(line -> settings.append(line).append('\n'));
        settings.append("end\n");
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(settings.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException ended) {
            // The JVM died before reading its settings; the runner finds the frames missing and reports it.
        }
    }

    /** Returns the next authenticated frame, {@link FrameReader#END} when the output closed, or null on timeout. */
    JsonNode nextFrame(Duration timeout) throws InterruptedException {
        return frames.poll(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    int rejectedLines() {
        return reader.rejected();
    }

    /** Returns the exit code, waiting briefly for the process to end. */
    int exitCode() throws InterruptedException {
        return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    String errorOutput() {
        synchronized (errors) {
            return errors.toString(StandardCharsets.UTF_8).strip();
        }
    }

    /** Kills the JVM and every process it started. */
    @Override
    public void close() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[8192];
        try {
            for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                synchronized (errors) {
                    errors.write(buffer, 0, Math.min(read, Math.max(0, STDERR_LIMIT - errors.size())));
                }
            }
        } catch (IOException closed) {
            // Killed or ended: what was read is kept.
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}

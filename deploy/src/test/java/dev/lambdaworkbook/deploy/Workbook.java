package dev.lambdaworkbook.deploy;

import dev.lambdaworkbook.deploy.fake.FakeAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A workbook checkout in a temporary folder, with one exercise and a built package, and a way to run deploy.java's
 * command line on it against the fake AWS. Runs never sleep: the pauses they ask for are recorded instead.
 */
final class Workbook {

    static final String REGION = "eu-west-1";
    static final String PREFIX = "ana";

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Path root;
    private final FakeAws fake;
    final List<Duration> pauses = new ArrayList<>();
    final Map<String, String> environment = new HashMap<>();

    Workbook(Path root, FakeAws fake) {
        this.root = root;
        this.fake = fake;
        copyEvents();
    }

    Path root() {
        return root;
    }

    /** Writes exercises/NN/template.yaml and the package its CodeUri names, holding the handler class. */
    Workbook exercise(String number, String template, String handlerClass) {
        Path folder = root.resolve("exercises").resolve(number);
        try {
            Files.createDirectories(folder.resolve("target"));
            Files.writeString(folder.resolve("template.yaml"), template, StandardCharsets.UTF_8);
            String codeUri = template.lines().filter(line -> line.trim().startsWith("CodeUri:")).findFirst()
                    .orElseThrow().trim().substring("CodeUri:".length()).trim();
            writeZip(folder.resolve(codeUri), handlerClass, "version 1");
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        return this;
    }

    /** Rewrites the package with other contents, as a student's next build would. */
    void rebuild(String number, String zipName, String handlerClass, String contents) {
        writeZip(root.resolve("exercises").resolve(number).resolve("target").resolve(zipName), handlerClass, contents);
    }

    static void writeZip(Path zip, String handlerClass, String contents) {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(entry(handlerClass.replace('.', '/') + ".class"));
            out.write(contents.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(entry("lib/aws-lambda-java-core-1.4.0.jar"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Returns an entry with a fixed time, so the same contents always make the same bytes (and SHA-256). */
    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(1_773_910_800_000L);
        return entry;
    }

    /** Runs {@code deploy.java NN --region … --endpoint-url <fake> --prefijo ana --sin-compilar} plus the options. */
    Result deploy(String exercise, String... options) {
        List<String> arguments = new ArrayList<>(List.of(exercise, "--region", REGION, "--endpoint-url",
                fake.endpoint().toString(), "--prefijo", PREFIX, "--sin-compilar"));
        arguments.addAll(List.of(options));
        return run(arguments.toArray(String[]::new));
    }

    /** Runs the command line exactly as given. */
    Result run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Timing timing = new Timing(Duration.ofMillis(1), 4, Duration.ofMillis(1), Duration.ofSeconds(90),
                pauses::add);
        int exitCode = DeployCli.run(root, timing, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get, arguments);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Duration totalPause() {
        return pauses.stream().reduce(Duration.ZERO, Duration::plus);
    }

    private void copyEvents() {
        Path events = repositoryRoot().resolve("events");
        try (Stream<Path> files = Files.list(events)) {
            Files.createDirectories(root.resolve("events"));
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                Files.copy(file, root.resolve("events").resolve(file.getFileName()));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Returns the real workbook's root: the parent of the deploy module, which is where Maven runs the tests. */
    static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }
}

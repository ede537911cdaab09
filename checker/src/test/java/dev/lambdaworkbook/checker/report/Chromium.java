package dev.lambdaworkbook.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, driven from the command line to load a local file: its DOM after scripts and a
 * screenshot. Without Chromium the browser tests are skipped, except in CI ({@code CI=true}), where they fail.
 */
final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    static void require() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = "Falta " + BINARY + ": instálalo con apt-get install -y chromium";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }

    static String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        return run(page, profile, List.of("--dump-dom"));
    }

    static void screenshot(Path page, Path profile, Path png) throws IOException, InterruptedException {
        run(page, profile, List.of("--screenshot=" + png, "--window-size=1200,1600", "--hide-scrollbars"));
    }

    private static String run(Path page, Path profile, List<String> action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile));
        command.addAll(action);
        command.add(page.toUri().toString());
        Path output = Files.createTempFile("chromium", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Chromium no terminó en 90 s con " + page);
        }
        assertEquals(0, process.exitValue(), "Chromium falló con " + page);
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return text;
    }
}

package dev.lambdaworkbook.checker.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A class data sharing archive (AppCDS) of the classes every child JVM loads from its class path: the JDK's,
 * JUnit's, the harness's and the exercises' libraries'. Child JVMs map it instead of parsing and verifying those
 * classes, which roughly halves their start-up CPU time. The archive is dumped from the class list of the reference
 * run. The compiled tests and each submission's classes load in the exercises' own class loaders, so they are never
 * archived.
 */
public final class SharedArchive {

    private SharedArchive() {
    }

    /** Returns the option that makes a child JVM record the classes it loads into the file. */
    public static String recordOption(Path classList) {
        return "-XX:DumpLoadedClassList=" + classList.toAbsolutePath();
    }

    /** Returns the options that map the archive, or none when it does not exist. */
    public static List<String> useOptions(Path archive) {
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                "-Xshare:auto") : List.of();
    }

    /**
     * Dumps the archive for the class path; returns false, leaving no archive, when the JVM cannot dump one.
     *
     * @param sharedClasspath the jars every child JVM starts with, in the same order
     */
    public static boolean dump(List<Path> sharedClasspath, Path classList, Path archive, SandboxLimits limits)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(classList)) {
            return false;
        }
        Path temporary = archive.resolveSibling(archive.getFileName() + ".tmp");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildJvm.memoryOptions(limits));
        command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList.toAbsolutePath(),
                "-XX:SharedArchiveFile=" + temporary.toAbsolutePath(), "-Xlog:disable", "-cp",
                sharedClasspath.stream().map(Path::toString)
                        .collect(Collectors.joining(System.getProperty("path.separator")))));
        Process dump = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!dump.waitFor(120, TimeUnit.SECONDS)) {
            dump.destroyForcibly();
            return false;
        }
        if (dump.exitValue() != 0 || !Files.isRegularFile(temporary)) {
            Files.deleteIfExists(temporary);
            return false;
        }
        Files.move(temporary, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }
}

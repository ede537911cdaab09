package dev.lambdaworkbook.ticks;

import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.services.ticks.TickFileGenerator;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts {@link MemoryProbe} in a child JVM with the same Java and the classes under test. */
final class ProbeLauncher {

    /** How the JVM starts the line of an exception that ended {@code main}. */
    private static final String UNCAUGHT = "Exception in thread \"main\" ";

    private static final Pattern COUNTS = Pattern.compile("kept=(\\d+) expected=(\\d+)");

    private ProbeLauncher() {
    }

    /**
     * Returns the command line of the probe, with the JVM flags Lambda sets by default and UTF-8 output, which the
     * test reads back. Lambda's java17 and java21 runtimes stop tiered compilation at level 1 (C1 only), and its java11
     * and java17 runtimes use the serial collector. Source: AWS Lambda Developer Guide, "Customize Java runtime
     * startup behavior". With the JVM's own defaults, C2 and G1, this short run costs more CPU time.
     */
    static List<String> command(String heap, long inputBytes) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-cp", classpath(), MemoryProbe.class.getName(),
                Long.toString(inputBytes));
    }

    /** Returns whether the probe printed equal kept and expected counts. */
    static boolean keptAsExpected(String output) {
        Matcher counts = COUNTS.matcher(output);
        return counts.find() && counts.group(1).equals(counts.group(2));
    }

    /**
     * Returns the output of a failed probe in one line: the exception without its stack trace, or the last line it
     * printed, so the message does not show the probe's own classes.
     */
    static String summary(String output) {
        List<String> lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (String line : lines) {
            int exception = line.indexOf(UNCAUGHT);
            if (exception >= 0) {
                return "lanzó " + Expect.withoutFinalPeriod(line.substring(exception + UNCAUGHT.length()));
            }
            if (line.contains("OutOfMemoryError")) {
                return "se quedó sin memoria (" + line + ")";
            }
        }
        if (lines.isEmpty()) {
            return "no escribió nada";
        }
        String last = lines.get(lines.size() - 1);
        return "escribió «" + (last.length() > 200 ? last.substring(0, 200) + "…" : last) + "»";
    }

    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(TickFilter.class, MemoryProbe.class, TickFileGenerator.class)) {
            entries.add(location(type));
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

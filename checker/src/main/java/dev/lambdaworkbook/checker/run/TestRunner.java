package dev.lambdaworkbook.checker.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaworkbook.checker.run.RunRequest.Part;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one student's tests in child JVMs, exercise after exercise, and turns the frames they send into one result
 * per test.
 *
 * <p>Each exercise has its own time limit, counted from when its first test class starts. When a test runs past
 * the per-test limit, the whole process tree is killed and that test is recorded as timed out. A new JVM then runs
 * the exercise's tests that had not reported yet, while its limit allows, and the exercises still to run.
 * When the submission itself ends the JVM (for example with {@code System.exit}), that exercise's tests that had
 * not reported get "la entrega terminó la JVM antes de terminar las pruebas", and a new JVM runs the other
 * exercises, so that no exercise's grade depends on another's.
 */
public final class TestRunner {

    static final String JVM_ENDED = "la entrega terminó la JVM antes de terminar las pruebas";

    /** Returns the command prefix of one child JVM, such as an OS sandbox that mounts the request's paths. */
    @FunctionalInterface
    public interface CommandWrapper {
        List<String> prefix(RunRequest request) throws IOException;
    }

    private final SandboxLimits limits;
    private final CommandWrapper commandWrapper;

    /**
     * @param commandWrapper a command prefix for every child JVM, where the OS offers more isolation (for example a
     *     network namespace); empty for none
     */
    public TestRunner(SandboxLimits limits, List<String> commandWrapper) {
        this(limits, fixed(List.copyOf(commandWrapper)));
    }

    public TestRunner(SandboxLimits limits, CommandWrapper commandWrapper) {
        this.limits = limits;
        this.commandWrapper = commandWrapper;
    }

    private static CommandWrapper fixed(List<String> prefix) {
        return request -> prefix;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** Runs every part of the request; returns one outcome per part, in the same order. */
    public List<RunOutcome> run(RunRequest request) throws IOException, InterruptedException {
        List<PartRun> runs = request.parts().stream().map(PartRun::new).toList();
        while (true) {
            List<PartRun> pending = runs.stream().filter(run -> !run.closed).toList();
            if (pending.isEmpty()) {
                break;
            }
            RunRequest launch = new RunRequest(request.classpath(), request.jvmOptions(),
                    pending.stream().map(run -> run.part).toList(), request.workDir());
            List<String> selection = new ArrayList<>();
            pending.forEach(run -> {
                run.launches++;
                selection.addAll(describe(run.part));
                selection.addAll(run.selection);
            });
            End end;
            try (ChildJvm child = ChildJvm.start(launch, limits, selection, commandWrapper.prefix(launch))) {
                end = follow(child, pending);
                PartRun blamed = end.current() != null ? end.current() : pending.get(0);
                if (end.kind() == EndKind.EXITED) {
                    blamed.notes.add(exitNote(child));
                }
                if (child.rejectedLines() > 0) {
                    blamed.notes.add("Se descartaron " + child.rejectedLines() + " líneas que la entrega escribió en "
                            + "el canal de resultados sin la clave de esta ejecución.");
                }
            }
            settle(end, pending);
        }
        return runs.stream().map(PartRun::outcome).toList();
    }

    private End follow(ChildJvm child, List<PartRun> pending) throws InterruptedException {
        PartRun current = null;
        String test = null;
        Instant lastFrame = Instant.now();
        while (true) {
            Instant now = Instant.now();
            Duration wait = limits.perTest().minus(Duration.between(lastFrame, now));
            if (current != null && Duration.between(now, current.deadline).compareTo(wait) < 0) {
                wait = Duration.between(now, current.deadline);
            }
            JsonNode frame = child.nextFrame(wait);
            if (frame == null) {
                boolean total = current != null && !Instant.now().isBefore(current.deadline);
                return new End(total ? EndKind.PART_TIMEOUT : EndKind.TEST_TIMEOUT, current, test, null);
            }
            lastFrame = Instant.now();
            switch (frame.path("t").asText()) {
                case "part" -> {
                    current = find(pending, frame.path("x").asText());
                    if (current == null) {
                        return new End(EndKind.EXITED, null, null, null);
                    }
                    current.begin(lastFrame, limits.perSubmission());
                    test = null;
                }
                case "plan" -> {
                    if (current != null) {
                        PartRun run = current;
                        frame.path("units").forEach(unit -> run.plan.putIfAbsent(unit.path("id").asText(),
                                Frames.planned(unit, run.part.hiddenClasses())));
                    }
                }
                case "start" -> test = frame.path("id").asText();
                case "result" -> {
                    if (current != null) {
                        current.record(frame);
                    }
                    test = null;
                }
                case "part-end" -> {
                    if (current != null) {
                        current.end(lastFrame);
                        current.close(TestStatus.FAILED, "la prueba no llegó a ejecutarse");
                    }
                    current = null;
                    test = null;
                }
                case "done" -> {
                    return new End(EndKind.DONE, null, null, null);
                }
                case "fatal" -> {
                    return new End(EndKind.FATAL, current, test, frame.path("reason").asText());
                }
                default -> {
                    return new End(EndKind.EXITED, current, test, null);
                }
            }
        }
    }

    /** Returns the settings lines of a part, before its selection of tests. */
    private static List<String> describe(Part part) {
        List<String> lines = new ArrayList<>();
        lines.add("part " + part.exercise());
        part.loaderPath().forEach(path -> lines.add("loader " + path.toAbsolutePath()));
        part.systemProperties().forEach((name, value) -> lines.add("property " + name + "=" + value));
        part.studentClasses().forEach(name -> lines.add("student " + name));
        return lines;
    }

    private static PartRun find(List<PartRun> runs, String exercise) {
        return runs.stream().filter(run -> run.part.exercise().equals(exercise) && !run.closed).findFirst()
                .orElse(null);
    }

    /**
     * Records what the end of a JVM decided for the exercise it was running, and leaves the exercises it had not
     * reached to the next JVM.
     */
    private void settle(End end, List<PartRun> pending) {
        PartRun current = end.current();
        if (current == null) {
            // The JVM ended between exercises or before the first. Unless it finished some exercise, a new JVM
            // would only fail the same way, so every exercise it did not finish gets the reason.
            boolean progress = pending.stream().anyMatch(run -> run.closed);
            if (end.kind() == EndKind.DONE || !progress) {
                pending.stream().filter(run -> !run.closed).forEach(run -> closeUnstarted(end, run));
            }
            return;
        }
        current.end(Instant.now());
        String test = end.test();
        switch (end.kind()) {
            case TEST_TIMEOUT -> current.mark(test, TestStatus.TIMED_OUT, "tiempo agotado: la prueba no terminó en "
                    + limits.perTest().toSeconds() + " s, el límite por prueba. ¿Hay un bucle que no acaba o una "
                    + "espera sin plazo?");
            case FATAL -> current.mark(test, TestStatus.FAILED, end.reason());
            case EXITED -> current.mark("", TestStatus.JVM_ENDED, JVM_ENDED);
            case PART_TIMEOUT, DONE -> {
                // Handled below with everything that is left.
            }
        }
        boolean restartable = (end.kind() == EndKind.TEST_TIMEOUT || end.kind() == EndKind.FATAL) && test != null
                && Instant.now().isBefore(current.deadline);
        if (!restartable) {
            if (end.kind() == EndKind.FATAL) {
                current.close(TestStatus.FAILED, end.reason());
            } else {
                current.close(TestStatus.TIMED_OUT, partTimeout());
            }
            return;
        }
        List<String> remaining = current.unfinished();
        if (remaining.isEmpty()) {
            current.close(TestStatus.FAILED, "la prueba no llegó a ejecutarse");
            return;
        }
        current.notes.add("Se reinició la JVM para las " + remaining.size() + " pruebas que faltaban.");
        current.selection = remaining.stream().map(id -> "unit " + id).toList();
    }

    private void closeUnstarted(End end, PartRun run) {
        switch (end.kind()) {
            case FATAL -> run.close(TestStatus.FAILED, end.reason());
            case EXITED -> run.close(TestStatus.JVM_ENDED, JVM_ENDED);
            case DONE -> run.close(TestStatus.FAILED, "la prueba no llegó a ejecutarse");
            case TEST_TIMEOUT, PART_TIMEOUT -> run.close(TestStatus.TIMED_OUT, partTimeout());
        }
    }

    private String partTimeout() {
        return "tiempo agotado: la entrega superó su límite total de " + limits.perSubmission().toSeconds() + " s";
    }

    private static String exitNote(ChildJvm child) throws InterruptedException {
        int code = child.exitCode();
        String errors = child.errorOutput();
        String note = "La JVM de las pruebas terminó con código " + code + " antes de enviar todos los resultados.";
        return errors.isEmpty() ? note : note + " Salida de error:\n" + errors;
    }

    private enum EndKind { DONE, TEST_TIMEOUT, PART_TIMEOUT, FATAL, EXITED }

    private record End(EndKind kind, PartRun current, String test, String reason) {
    }

    /** The state of one exercise across the JVMs that run it: its plan, results, notes and time limit. */
    private static final class PartRun {

        private final Part part;
        private final Map<String, TestResult> plan = new LinkedHashMap<>();
        private final Map<String, TestResult> finished = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private List<String> selection;
        private Instant deadline;
        private Instant started;
        private long millis;
        private int launches;
        private boolean closed;

        PartRun(Part part) {
            this.part = part;
            this.selection = part.testClasses().stream().map(name -> "class " + name).toList();
        }

        void begin(Instant now, Duration limit) {
            if (deadline == null) {
                deadline = now.plus(limit);
            }
            started = now;
        }

        void end(Instant now) {
            if (started != null) {
                millis += Duration.between(started, now).toMillis();
                started = null;
            }
        }

        void record(JsonNode frame) {
            TestResult planned = plan.get(frame.path("id").asText());
            if (planned != null) {
                finished.put(planned.id(), Frames.finished(planned, frame));
            }
        }

        /** Marks the unfinished tests whose id starts with the prefix (a test, or its class); null means all. */
        void mark(String prefix, TestStatus status, String message) {
            if (plan.isEmpty()) {
                part.expected().forEach(test -> plan.put(test.id(), test));
            }
            String start = prefix == null ? "" : prefix;
            plan.forEach((id, planned) -> {
                if (!finished.containsKey(id) && id.startsWith(start)) {
                    finished.put(id, planned.withOutcome(status, message));
                }
            });
        }

        void close(TestStatus status, String message) {
            mark("", status, message);
            closed = true;
        }

        List<String> unfinished() {
            return plan.keySet().stream().filter(id -> !finished.containsKey(id)).toList();
        }

        RunOutcome outcome() {
            List<TestResult> tests = plan.keySet().stream().map(finished::get).toList();
            return new RunOutcome(tests, notes, launches, millis);
        }
    }
}

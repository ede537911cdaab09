package dev.lambdaworkbook.checker.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one submission's tests in child JVMs and turns the frames they send into one result per test.
 *
 * <p>When a test runs past the per-test limit, the whole process tree is killed, that test is recorded as timed
 * out, and a new JVM runs the tests that had not reported yet, while the submission's total limit allows. When
 * the submission itself ends the JVM (for example with {@code System.exit}), the tests that had not reported get
 * "la entrega terminó la JVM antes de terminar las pruebas" and the JVM is not restarted.
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

    public RunOutcome run(RunRequest request) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limits.perSubmission());
        Map<String, TestResult> plan = new LinkedHashMap<>();
        Map<String, TestResult> finished = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> selection = request.testClasses().stream().map(name -> "class " + name).toList();
        int launches = 0;
        while (true) {
            launches++;
            End end;
            try (ChildJvm child = ChildJvm.start(request, limits, selection, commandWrapper.prefix(request))) {
                end = follow(child, request, plan, finished, deadline);
                if (end.kind() == EndKind.EXITED) {
                    notes.add(exitNote(child));
                }
                if (child.rejectedLines() > 0) {
                    notes.add("Se descartaron " + child.rejectedLines() + " líneas que la entrega escribió en el "
                            + "canal de resultados sin la clave de esta ejecución.");
                }
            }
            if (plan.isEmpty()) {
                request.expected().forEach(test -> plan.put(test.id(), test));
            }
            List<String> remaining = settle(end, plan, finished, deadline);
            if (remaining.isEmpty()) {
                break;
            }
            notes.add("Se reinició la JVM para las " + remaining.size() + " pruebas que faltaban.");
            selection = remaining.stream().map(id -> "unit " + id).toList();
        }
        List<TestResult> tests = plan.keySet().stream().map(finished::get).toList();
        return new RunOutcome(tests, notes, launches);
    }

    private End follow(ChildJvm child, RunRequest request, Map<String, TestResult> plan,
            Map<String, TestResult> finished, Instant deadline) throws InterruptedException {
        String current = null;
        Instant lastFrame = Instant.now();
        while (true) {
            Instant now = Instant.now();
            Duration untilTestLimit = limits.perTest().minus(Duration.between(lastFrame, now));
            Duration untilDeadline = Duration.between(now, deadline);
            Duration wait = untilTestLimit.compareTo(untilDeadline) < 0 ? untilTestLimit : untilDeadline;
            JsonNode frame = child.nextFrame(wait);
            if (frame == null) {
                boolean total = !Instant.now().isBefore(deadline);
                return new End(total ? EndKind.SUBMISSION_TIMEOUT : EndKind.TEST_TIMEOUT, current, null);
            }
            lastFrame = Instant.now();
            switch (frame.path("t").asText()) {
                case "plan" -> frame.path("units").forEach(unit -> plan.putIfAbsent(unit.path("id").asText(),
                        Frames.planned(unit, request.hiddenClasses())));
                case "start" -> current = frame.path("id").asText();
                case "result" -> {
                    TestResult planned = plan.get(frame.path("id").asText());
                    if (planned != null) {
                        finished.put(planned.id(), Frames.finished(planned, frame));
                    }
                    current = null;
                }
                case "done" -> {
                    return new End(EndKind.DONE, null, null);
                }
                case "fatal" -> {
                    return new End(EndKind.FATAL, current, frame.path("reason").asText());
                }
                default -> {
                    return new End(EndKind.EXITED, current, null);
                }
            }
        }
    }

    /** Records the tests the end of a JVM decided, and returns those still to run in a new JVM. */
    private List<String> settle(End end, Map<String, TestResult> plan, Map<String, TestResult> finished,
            Instant deadline) {
        String current = end.current();
        switch (end.kind()) {
            case TEST_TIMEOUT -> mark(plan, finished, current, TestStatus.TIMED_OUT,
                    "tiempo agotado: la prueba superó el límite de " + limits.perTest().toSeconds() + " s por prueba");
            case FATAL -> mark(plan, finished, current, TestStatus.FAILED, end.reason());
            case EXITED -> mark(plan, finished, "", TestStatus.JVM_ENDED, JVM_ENDED);
            case SUBMISSION_TIMEOUT, DONE -> {
                // Handled below with everything that is left.
            }
        }
        boolean restartable = (end.kind() == EndKind.TEST_TIMEOUT || end.kind() == EndKind.FATAL) && current != null
                && Instant.now().isBefore(deadline);
        if (!restartable) {
            String reason = end.kind() == EndKind.DONE ? "la prueba no llegó a ejecutarse"
                    : "tiempo agotado: la entrega superó su límite total de " + limits.perSubmission().toSeconds()
                            + " s";
            TestStatus status = end.kind() == EndKind.DONE ? TestStatus.FAILED : TestStatus.TIMED_OUT;
            if (end.kind() == EndKind.FATAL) {
                status = TestStatus.FAILED;
                reason = end.reason();
            }
            mark(plan, finished, "", status, reason);
            return List.of();
        }
        return plan.keySet().stream().filter(id -> !finished.containsKey(id)).toList();
    }

    /** Marks the unfinished tests whose id starts with the prefix (a test, or its class); null means all. */
    private static void mark(Map<String, TestResult> plan, Map<String, TestResult> finished, String prefix,
            TestStatus status, String message) {
        String start = prefix == null ? "" : prefix;
        plan.forEach((id, planned) -> {
            if (!finished.containsKey(id) && id.startsWith(start)) {
                finished.put(id, planned.withOutcome(status, message));
            }
        });
    }

    private static String exitNote(ChildJvm child) throws InterruptedException {
        int code = child.exitCode();
        String errors = child.errorOutput();
        String note = "La JVM de las pruebas terminó con código " + code + " antes de enviar todos los resultados.";
        return errors.isEmpty() ? note : note + " Salida de error:\n" + errors;
    }

    private enum EndKind { DONE, TEST_TIMEOUT, SUBMISSION_TIMEOUT, FATAL, EXITED }

    private record End(EndKind kind, String current, String reason) {
    }
}

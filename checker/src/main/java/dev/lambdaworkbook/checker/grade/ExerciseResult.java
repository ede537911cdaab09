package dev.lambdaworkbook.checker.grade;

import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestStatus;
import java.util.List;

/**
 * The result of grading one student's exercise, saved as JSON under its key so a re-run can reuse it.
 *
 * @param detail the compiler errors, the violations or the reason the entry is invalid; empty when graded
 * @param tests one result per test of the exercise's plan
 * @param notes remarks for the instructor, such as restarts after a timeout
 */
public record ExerciseResult(String exercise, State state, String detail, List<TestResult> tests, List<String> notes,
        long millis) {

    /** Returns a result whose tests did not run, each carrying the reason as its message. */
    public static ExerciseResult notRun(String exercise, State state, String detail, List<TestResult> plan) {
        List<TestResult> tests = plan.stream().map(test -> test.withOutcome(TestStatus.NOT_RUN, detail)).toList();
        return new ExerciseResult(exercise, state, detail, tests, List.of(), 0);
    }

    /** How far grading got, with the Spanish words reports use. */
    public enum State {
        GRADED("calificado"),
        NOT_SUBMITTED("sin entrega"),
        UNCHANGED("sin cambios"),
        COMPILE_ERROR("no compila"),
        BUILD_ERROR("no se pudo construir"),
        REJECTED("rechazado por el análisis previo"),
        INVALID("entrega no válida");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

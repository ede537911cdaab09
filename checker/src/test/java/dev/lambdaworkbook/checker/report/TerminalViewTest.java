package dev.lambdaworkbook.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.checker.compile.Suite;
import dev.lambdaworkbook.checker.grade.ClassResults;
import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.grade.ExerciseResult.State;
import dev.lambdaworkbook.checker.grade.PreparedSuite;
import dev.lambdaworkbook.checker.score.ExerciseScore;
import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.StudentGrade;
import dev.lambdaworkbook.checker.submission.Submission;
import dev.lambdaworkbook.checker.workbook.Exercise;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resumen de la calificación en la terminal")
class TerminalViewTest {

    @Test
    @DisplayName("separa calificados ahora, reutilizados y sin entrega")
    void countsEachKindOfResult() {
        ClassResults results = results(List.of(List.of(State.GRADED), List.of(State.GRADED),
                List.of(State.NOT_SUBMITTED)), 1);

        String summary = TerminalView.summary(results);

        assertEquals("3 alumnos × 1 ejercicio = 3 resultados en 2,5 s: 1 calificado ahora, 1 reutilizado "
                + "(mismos ficheros y pruebas ya calificados en esta vuelta o en una anterior), "
                + "1 sin entrega. Escala de 0 a 10,00.", summary);
    }

    @Test
    @DisplayName("una segunda vuelta sin cambios no cuenta calificados ahora")
    void rerunWithoutChanges() {
        ClassResults results = results(List.of(List.of(State.GRADED, State.COMPILE_ERROR),
                List.of(State.NOT_SUBMITTED, State.GRADED)), 3);

        String summary = TerminalView.summary(results);

        assertEquals("2 alumnos × 2 ejercicios = 4 resultados en 2,5 s: 0 calificados ahora, 3 reutilizados "
                + "(mismos ficheros y pruebas ya calificados en esta vuelta o en una anterior), "
                + "1 sin entrega. Escala de 0 a 10,00.", summary);
    }

    @Test
    @DisplayName("usa el singular con un alumno y cuenta las entregas no válidas")
    void singularAndInvalid() {
        ClassResults results = results(List.of(List.of(State.INVALID)), 0);

        String summary = TerminalView.summary(results);

        assertEquals("1 alumno × 1 ejercicio = 1 resultado en 2,5 s: 0 calificados ahora, 1 con la entrega no "
                + "válida. Escala de 0 a 10,00.", summary);
    }

    @Test
    @DisplayName("la tabla termina con el resumen y la leyenda")
    void tableEndsWithSummary() {
        ClassResults results = results(List.of(List.of(State.GRADED), List.of(State.REJECTED)), 0);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        TerminalView.table(results, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String table = printed.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("2 alumnos × 1 ejercicio = 2 resultados en 2,5 s: 2 calificados ahora. Escala"),
                table);
        assertTrue(table.contains("rech."), table);
        assertTrue(table.strip().endsWith("«inv.» entrega no válida."), table);
    }

    /**
     * Builds results with one student per row and one exercise per column. Results of a submission that exists and
     * is not reused count as graded now.
     */
    private static ClassResults results(List<List<State>> rows, int reused) {
        int exercises = rows.get(0).size();
        List<PreparedSuite> suites = new ArrayList<>();
        for (int i = 0; i < exercises; i++) {
            suites.add(suite(String.format("%02d", i + 1)));
        }
        List<StudentGrade> grades = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            grades.add(grade("alumno" + row, rows.get(row), suites));
        }
        long submitted = rows.stream().flatMap(List::stream)
                .filter(state -> state != State.NOT_SUBMITTED && state != State.INVALID).count();
        return new ClassResults(suites, grades, new Scale(10), reused, (int) submitted - reused,
                Duration.ofMillis(2500), ZonedDateTime.now());
    }

    private static PreparedSuite suite(String id) {
        Exercise exercise = new Exercise(id, null, null, null);
        Suite suite = new Suite(exercise, "huella", List.of(), null, null, List.of(), Set.of(), null, List.of());
        ExerciseResult reference = new ExerciseResult(id, State.GRADED, "", List.of(), List.of(), 0);
        return new PreparedSuite(suite, reference, null);
    }

    private static StudentGrade grade(String name, List<State> states, List<PreparedSuite> suites) {
        List<ExerciseResult> results = new ArrayList<>();
        List<ExerciseScore> scores = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            String id = suites.get(i).id();
            results.add(new ExerciseResult(id, states.get(i), "", List.of(), List.of(), 0));
            scores.add(new ExerciseScore(id, 0, 0, 0, Map.of()));
        }
        Submission submission = new Submission(name, name, null, false, null, null);
        return new StudentGrade(submission, results, scores, 0);
    }
}

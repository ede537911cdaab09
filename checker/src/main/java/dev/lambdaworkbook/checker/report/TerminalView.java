package dev.lambdaworkbook.checker.report;

import dev.lambdaworkbook.checker.grade.ClassResults;
import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.grade.Progress;
import dev.lambdaworkbook.checker.score.StudentGrade;
import dev.lambdaworkbook.checker.submission.Submission;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instructor's terminal view: a progress bar while grading (redrawn in place on a terminal, a line every
 * tenth of the work otherwise), then a table of marks.
 */
public final class TerminalView implements Progress {

    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean interactive;
    private final AtomicInteger done = new AtomicInteger();
    private int total;

    public TerminalView(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void started(int count) {
        total = count;
        done.set(0);
    }

    @Override
    public synchronized void finished(Submission submission, ExerciseResult result, boolean reused) {
        int count = done.incrementAndGet();
        int filled = total == 0 ? BAR : count * BAR / total;
        String line = String.format("[%s%s] %d/%d  %s · %s: %s%s", "#".repeat(filled), ".".repeat(BAR - filled),
                count, total, submission.name(), result.exercise(), result.state().label(),
                reused ? " (reutilizado)" : "");
        if (interactive) {
            out.print("\r\033[K" + line);
            out.flush();
        } else if (total < 10 || count % Math.max(1, total / 10) == 0 || count == total) {
            out.println(line);
        }
    }

    @Override
    public void ended() {
        if (interactive) {
            out.println();
        }
    }

    /** Prints the table of marks: one row per student, one column per exercise, then the final mark. */
    public static void table(ClassResults results, PrintStream out) {
        int nameWidth = Math.max(6, results.grades().stream()
                .mapToInt(grade -> grade.submission().name().length()).max().orElse(6));
        StringBuilder header = new StringBuilder(String.format("%-" + nameWidth + "s  %-12s", "Alumno", "Id"));
        results.suites().forEach(suite -> header.append(String.format("  %6s", suite.id())));
        header.append("    Nota");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (StudentGrade grade : results.grades()) {
            StringBuilder row = new StringBuilder(String.format("%-" + nameWidth + "s  %-12s",
                    grade.submission().name(), grade.submission().id()));
            for (int i = 0; i < grade.scores().size(); i++) {
                String mark = Texts.mark(grade.scores().get(i).mark());
                ExerciseResult.State state = grade.results().get(i).state();
                row.append(String.format("  %6s", switch (state) {
                    case GRADED -> mark;
                    case COMPILE_ERROR -> "no c.";
                    case BUILD_ERROR -> "no c.";
                    case NOT_SUBMITTED -> "—";
                    case UNCHANGED -> "sin c.";
                    case REJECTED -> "rech.";
                    case INVALID -> "inv.";
                }));
            }
            row.append(String.format("  %6s", Texts.mark(grade.total())));
            out.println(row);
        }
        out.println();
        out.println(summary(results));
        out.println("Leyenda: «no c.» no compila, «—» sin entrega, «sin c.» código de partida sin cambios, «rech.» "
                + "rechazado, «inv.» entrega no válida.");
    }

    /**
     * Returns the line under the table, such as "8 alumnos × 1 ejercicio = 8 resultados en 3,2 s: 5 calificados
     * ahora, 1 reutilizado (…), 2 sin entrega. Escala de 0 a 10,00." Counts of zero are left out, except the graded.
     */
    static String summary(ClassResults results) {
        long notSubmitted = countState(results, ExerciseResult.State.NOT_SUBMITTED);
        long invalid = countState(results, ExerciseResult.State.INVALID);
        long unchanged = countState(results, ExerciseResult.State.UNCHANGED);
        int students = results.grades().size();
        int exercises = results.suites().size();
        StringBuilder line = new StringBuilder()
                .append(count(students, "alumno", "alumnos")).append(" × ")
                .append(count(exercises, "ejercicio", "ejercicios")).append(" = ")
                .append(count((long) students * exercises, "resultado", "resultados"))
                .append(String.format(Texts.SPANISH, " en %.1f s: ", results.elapsed().toMillis() / 1000.0))
                .append(count(results.graded(), "calificado", "calificados")).append(" ahora");
        if (results.reused() > 0) {
            line.append(", ").append(count(results.reused(), "reutilizado", "reutilizados"))
                    .append(" (mismos ficheros y pruebas ya calificados en esta vuelta o en una anterior)");
        }
        if (notSubmitted > 0) {
            line.append(", ").append(notSubmitted).append(" sin entrega");
        }
        if (unchanged > 0) {
            line.append(", ").append(unchanged).append(" sin cambios");
        }
        if (invalid > 0) {
            line.append(", ").append(invalid).append(" con la entrega no válida");
        }
        return line.append(". Escala de 0 a ").append(Texts.mark(results.scale().max())).append('.').toString();
    }

    private static long countState(ClassResults results, ExerciseResult.State state) {
        return results.grades().stream().flatMap(grade -> grade.results().stream())
                .filter(result -> result.state() == state).count();
    }

    private static String count(long number, String singular, String plural) {
        return number + " " + (number == 1 ? singular : plural);
    }
}

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
                reused ? " (guardado)" : "");
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
                    case REJECTED -> "rech.";
                    case INVALID -> "inv.";
                }));
            }
            row.append(String.format("  %6s", Texts.mark(grade.total())));
            out.println(row);
        }
        out.printf(Texts.SPANISH, "%n%d alumnos × %d ejercicios en %.1f s: %d calificados ahora, %d guardados de "
                + "antes. Escala de 0 a %s.%n", results.grades().size(), results.suites().size(),
                results.elapsed().toMillis() / 1000.0, results.graded(), results.reused(),
                Texts.mark(results.scale().max()));
        out.println("Leyenda: «no c.» no compila, «—» sin entrega, «rech.» rechazado, «inv.» entrega no "
                + "válida.");
    }
}

package dev.lambdaworkbook.checker.cli;

import dev.lambdaworkbook.checker.run.SandboxLimits;
import dev.lambdaworkbook.checker.verify.Check;
import dev.lambdaworkbook.checker.verify.WorkbookVerifier;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code corrector verificar}: proves every exercise grades as intended; exits 1 when a check fails. */
@Command(name = "verificar", sortOptions = false,
        description = "Comprueba cada ejercicio: la referencia obtiene el 100 %%, el código inicial compila y no "
                + "llega al 100 %%, y cada error típico del catálogo (solutions/NN/errores/) falla al menos una "
                + "prueba; muestra el mensaje que recibe.")
final class VerificarCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--ejercicios", split = ",", paramLabel = "NN",
            description = "Ejercicios que comprobar, separados por comas. Por defecto, todos.")
    List<String> exercises = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Workbook workbook = common.workbook();
        try (Pipeline pipeline = Pipeline.create(workbook, SandboxLimits.defaults(), System.err)) {
            WorkbookVerifier verifier = new WorkbookVerifier(pipeline.preparation(), pipeline.grader(),
                    Runtime.getRuntime().availableProcessors());
            List<Check> checks = verifier.verify(workbook.select(exercises));
            print(checks, System.out);
            long failed = checks.stream().filter(check -> !check.passed()).count();
            System.out.println(failed == 0 ? "\nTodas las comprobaciones pasan (" + checks.size() + ")."
                    : "\nFallan " + failed + " de " + checks.size() + " comprobaciones.");
            return failed == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    static void print(List<Check> checks, PrintStream out) {
        String exercise = null;
        for (Check check : checks) {
            if (!check.exercise().equals(exercise)) {
                exercise = check.exercise();
                out.println("\nEjercicio " + exercise);
            }
            String mark = check.warning() ? "⚠ " : check.passed() ? "✔ " : "✘ ";
            out.println("  " + mark + check.subject() + ": " + check.summary());
            if (!check.detail().isBlank()) {
                check.detail().lines().forEach(line -> out.println("      " + line));
            }
        }
    }
}

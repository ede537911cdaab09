package dev.lambdaworkbook.checker.cli;

import dev.lambdaworkbook.checker.grade.ClassResults;
import dev.lambdaworkbook.checker.grade.Grader;
import dev.lambdaworkbook.checker.grade.PreparedSuite;
import dev.lambdaworkbook.checker.grade.ResultStore;
import dev.lambdaworkbook.checker.report.Reports;
import dev.lambdaworkbook.checker.report.TerminalView;
import dev.lambdaworkbook.checker.run.SandboxLimits;
import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.Scorer;
import dev.lambdaworkbook.checker.submission.ClassFolder;
import dev.lambdaworkbook.checker.submission.Submission;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code corrector calificar}: grades a class folder and writes the marks, the feedback and the class report. */
@Command(name = "calificar", sortOptions = false,
        description = "Califica las entregas de una clase: compila lo que escribe cada alumno, ejecuta las pruebas "
                + "visibles y ocultas y escribe notas.csv (para Moodle), informe.html y, por alumno, results.json "
                + "y feedback.md/.html. Solo vuelve a calificar lo que cambió desde la última vez.")
final class CalificarCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "CARPETA",
            description = "Carpeta con una entrega por alumno (una carpeta o un .zip), o la descarga de Moodle, "
                    + "descomprimida o en su .zip.")
    Path folder;

    @Option(names = "--ejercicios", split = ",", paramLabel = "NN",
            description = "Ejercicios que calificar, separados por comas (por ejemplo 04,07). Por defecto, todos.")
    List<String> exercises = new ArrayList<>();

    @Option(names = "--escala", paramLabel = "MÁXIMO", defaultValue = "10",
            description = "Nota máxima de la escala (por defecto ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--salida", paramLabel = "CARPETA",
            description = "Dónde escribir los resultados. Por defecto, notas/<nombre de la carpeta> en la carpeta "
                    + "actual, o notas/<nombre>-ejercicios-04-07 con --ejercicios 04,07, para no pisar las notas de "
                    + "la clase completa.")
    Path output;

    @Option(names = "--paralelo", paramLabel = "N",
            description = "Alumnos que se califican a la vez, cada uno en su JVM de pruebas. Por defecto, dos por "
                    + "núcleo y uno más: esas JVM pasan parte del tiempo esperando (pausas y plazos de red de las "
                    + "pruebas), y la de más aprovecha esas esperas.")
    Integer parallel;

    @Option(names = "--limite-prueba", paramLabel = "SEGUNDOS", defaultValue = "10",
            description = "Tiempo máximo de una prueba antes de darla por «tiempo agotado» (por defecto "
                    + "${DEFAULT-VALUE}).")
    long testSeconds;

    @Option(names = "--limite-entrega", paramLabel = "SEGUNDOS", defaultValue = "60",
            description = "Tiempo máximo de todas las pruebas de un ejercicio de un alumno (por defecto "
                    + "${DEFAULT-VALUE}).")
    long submissionSeconds;

    @Option(names = "--moodle-idioma", paramLabel = "es|en", defaultValue = "es",
            description = "Idioma en que ves Moodle: da nombre a las columnas de notas.csv (por defecto "
                    + "${DEFAULT-VALUE}).")
    String moodleLanguage;

    @Override
    public Integer call() throws Exception {
        Workbook workbook = common.workbook();
        Scale marks = new Scale(scale);
        Arguments.positive("--paralelo", parallel == null ? 1 : parallel);
        Arguments.positive("--limite-prueba", testSeconds);
        Arguments.positive("--limite-entrega", submissionSeconds);
        String className = folder.toAbsolutePath().normalize().getFileName().toString().replaceFirst("(?i)\\.zip$",
                "");
        // A run with --ejercicios writes its own folder, so that it never replaces the whole class's notas.csv.
        String subset = exercises.isEmpty() ? "" : "-ejercicios-" + String.join("-", exercises);
        Path out = output != null ? output : Path.of("notas", className + subset);
        SandboxLimits limits = SandboxLimits.defaults()
                .withTimes(Duration.ofSeconds(testSeconds), Duration.ofSeconds(submissionSeconds));
        // One more than two per core: measured on 2 cores, 5 JVMs graded the class 1.6 s faster than 4 with the same
        // CPU time (bench/RESULTS-checker.md).
        int threads = parallel != null ? parallel : 2 * Runtime.getRuntime().availableProcessors() + 1;

        Reports.checkMoodleLanguage(moodleLanguage);
        List<Exercise> selected = workbook.select(exercises);
        Path extracted = Files.createTempDirectory("entregas-");
        Folders.deleteOnExit(extracted);
        List<Submission> submissions = readClass(extracted);
        try (Pipeline pipeline = Pipeline.create(workbook, limits, System.err)) {
            List<PreparedSuite> suites = pipeline.prepare(selected, System.err);
            TerminalView view = new TerminalView(System.err, System.console() != null);
            Grader grader = new Grader(pipeline.grader(), new ResultStore(out.resolve(".resultados")),
                    new Scorer(marks), threads);
            ClassResults results = grader.grade(submissions, suites, view);
            List<String> warnings = new ArrayList<>(pipeline.isolationWarnings());
            List<String> gradeWarnings = Reports.gradeWarnings(results);
            warnings.addAll(gradeWarnings);
            Reports.write(results, out, moodleLanguage, warnings);
            TerminalView.table(results, System.out);
            gradeWarnings.forEach(warning -> System.out.println("Aviso: " + warning));
            System.out.println("Resultados en " + out.toAbsolutePath().normalize() + ": notas.csv, informe.html y "
                    + "alumnos/<id>/ (results.json, feedback.md, feedback.html).");
        } finally {
            Folders.delete(extracted);
        }
        return ExitCodes.OK;
    }

    /** Reads the class folder before any slow preparation, so a wrong folder is reported at once. */
    private List<Submission> readClass(Path extracted) throws IOException {
        try {
            return ClassFolder.read(folder, extracted);
        } catch (RuntimeException invalid) {
            Folders.delete(extracted);
            throw invalid;
        }
    }
}

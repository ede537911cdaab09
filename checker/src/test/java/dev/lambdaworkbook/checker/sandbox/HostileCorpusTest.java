package dev.lambdaworkbook.checker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lambdaworkbook.checker.Fixtures;
import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import dev.lambdaworkbook.checker.grade.ClassResults;
import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.grade.Grader;
import dev.lambdaworkbook.checker.grade.PreparedSuite;
import dev.lambdaworkbook.checker.grade.Progress;
import dev.lambdaworkbook.checker.grade.ResultStore;
import dev.lambdaworkbook.checker.grade.SubmissionGrader;
import dev.lambdaworkbook.checker.grade.SuitePreparation;
import dev.lambdaworkbook.checker.policy.PolicyScanner;
import dev.lambdaworkbook.checker.report.Reports;
import dev.lambdaworkbook.checker.run.SandboxLimits;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestRunner;
import dev.lambdaworkbook.checker.run.TestStatus;
import dev.lambdaworkbook.checker.scan.SubmissionScanner;
import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.Scorer;
import dev.lambdaworkbook.checker.score.StudentGrade;
import dev.lambdaworkbook.checker.submission.ClassFolder;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades the hostile corpus ({@code src/test/resources/hostil}: one tiny submission of exercise 07 per attack)
 * together with a control student, the reference solution, and checks that the checker contains every attack:
 * the run finishes, every student gets a complete report, each attacker gets a Spanish reason, and the control's
 * grade is the one it gets alone. A second run without the static checks shows what the process isolation alone
 * contains. Both runs use short time limits so the whole corpus takes well under two minutes.
 */
@DisplayName("Corpus hostil: entregas que atacan al corrector")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTest {

    /** Files the attacks aim at, outside every working folder; the fixtures name these paths. */
    static final Path SENTINELS = Path.of("/tmp/centinela-corrector");
    static final String SECRET = "CENTINELA-SECRETO-AWS-1234";
    static final int LOCAL_PORT = 47807;
    static final String CONTROL = "control";
    static final String JVM_ENDED = "la entrega terminó la JVM antes de terminar las pruebas";

    private static final SandboxLimits LIMITS = new SandboxLimits(Duration.ofSeconds(3), Duration.ofSeconds(10),
            "256m", "1m", 16 * 1024);

    /** What the checker must do with each attack, with the Spanish reason the attacker must get. */
    enum Verdict {
        REJECTED, TIMED_OUT, JVM_ENDED, FAILED, OUTPUT_CUT,
        /** The attack had no effect outside: the secret appears in no output. */
        NO_SECRET,
        /** The attack had no effect outside: the file it deletes is still there. */
        SENTINEL_KEPT,
        /** The attack had no effect outside: the file its process writes does not exist. */
        NOTHING_CREATED
    }

    /**
     * One attack and what the checker must do with it.
     *
     * @param requires the weakest OS isolation that contains the attack when the static checks do not see it;
     *     with a weaker one the attack is not run, because it would really reach files or servers outside the test
     */
    record Case(String name, Verdict verdict, String reason, Sandbox.Level requires) {

        Case(String name, Verdict verdict, String reason) {
            this(name, verdict, reason, Sandbox.Level.NONE);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> corpus() {
        return List.of(
                new Case("salida-y-exit", Verdict.REJECTED, "termina la JVM con java.lang.System.exit"),
                new Case("runtime-halt", Verdict.REJECTED, "termina la JVM con java.lang.Runtime.halt"),
                new Case("bucle-infinito", Verdict.TIMED_OUT, "tiempo agotado"),
                new Case("espera-10-minutos", Verdict.TIMED_OUT, "tiempo agotado"),
                new Case("bomba-hilos", Verdict.FAILED, "más de 512 hilos"),
                new Case("bomba-memoria", Verdict.FAILED, "memoria agotada"),
                new Case("desbordamiento-pila", Verdict.FAILED, "desbordamiento de pila"),
                new Case("inundacion-salida", Verdict.OUTPUT_CUT, "salida recortada"),
                new Case("borra-ficheros", Verdict.REJECTED, "accede al sistema de ficheros"),
                new Case("lee-pruebas-ocultas", Verdict.REJECTED, "lee recursos del classpath"),
                new Case("sobrescribe-pruebas", Verdict.REJECTED, "accede al sistema de ficheros"),
                new Case("falsifica-canal", Verdict.FAILED, "@@wb"),
                new Case("http-puerto-local", Verdict.REJECTED, "abre conexiones de red"),
                new Case("credenciales-aws", Verdict.REJECTED, "'AWS_ACCESS_KEY_ID'"),
                new Case("lanza-proceso", Verdict.REJECTED, "crea o controla procesos del sistema"),
                new Case("reflexion-arnes", Verdict.REJECTED, "usa reflexión"),
                new Case("clase-en-junit", Verdict.REJECTED, "paquete reservado 'org.junit.jupiter.api'"),
                new Case("inicializador-que-lanza", Verdict.FAILED, "inicialización estática"),
                new Case("equals-siempre-true", Verdict.REJECTED, "equals devuelve siempre true"),
                new Case("equals-siempre-true-disimulado", Verdict.FAILED, "se esperaba 200"),
                new Case("lee-credenciales-via-jackson", Verdict.FAILED, "no pude leer las credenciales",
                        Sandbox.Level.BUBBLEWRAP),
                new Case("http-via-jackson", Verdict.FAILED, "no pude conectar", Sandbox.Level.NETWORK));
    }

    /** Attacks the static checks reject, graded again without them: the process isolation must contain them too. */
    static List<Case> withoutStaticChecks() {
        return List.of(
                new Case("salida-y-exit", Verdict.JVM_ENDED, JVM_ENDED),
                new Case("runtime-halt", Verdict.JVM_ENDED, JVM_ENDED),
                new Case("borra-ficheros", Verdict.SENTINEL_KEPT, "", Sandbox.Level.BUBBLEWRAP),
                new Case("sobrescribe-pruebas", Verdict.FAILED, "tests.jar", Sandbox.Level.BUBBLEWRAP),
                new Case("credenciales-aws", Verdict.NO_SECRET, "", Sandbox.Level.BUBBLEWRAP),
                new Case("lanza-proceso", Verdict.NOTHING_CREATED, "", Sandbox.Level.BUBBLEWRAP),
                new Case("http-puerto-local", Verdict.FAILED, "Connection refused", Sandbox.Level.NETWORK));
    }

    private Workbook workbook;
    private Path root;
    private Sandbox sandbox;
    private HttpServer server;
    private final AtomicInteger serverHits = new AtomicInteger();
    private StudentGrade controlAlone;
    private ClassResults withChecks;
    private ClassResults withoutChecks;
    private StudentGrade controlAfterwards;
    private Path reportFolder;

    @BeforeAll
    void gradeTheCorpus() throws Exception {
        root = Files.createTempDirectory("corpus-hostil-");
        workbook = Fixtures.realWorkbook();
        sandbox = Sandbox.configured();
        plantSentinels();
        startServer();
        Exercise exercise = workbook.select(List.of("07")).get(0);

        controlAlone = grade(exercise, classFolder("solo", List.of()), PolicyScanner.shipped(), "solo").grades()
                .get(0);
        List<String> all = corpus().stream().filter(this::canRun).map(Case::name).toList();
        reportFolder = root.resolve("informe");
        withChecks = grade(exercise, classFolder("con-analisis", all), PolicyScanner.shipped(), "informe");
        List<String> runtime = withoutStaticChecks().stream().filter(this::canRun).map(Case::name).toList();
        withoutChecks = grade(exercise, classFolder("sin-analisis", runtime), SubmissionScanner.NONE, "sin");
        controlAfterwards = grade(exercise, classFolder("despues", List.of()), PolicyScanner.shipped(), "despues")
                .grades().get(0);
        writeCorpusTable();
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        deleteTree(SENTINELS);
        deleteTree(root);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @DisplayName("Cada ataque recibe un motivo claro y ningún punto que no le corresponda")
    void attackIsContained(Case attack) {
        assumeTrue(canRun(attack), "Este ataque esquiva el análisis previo y solo lo contiene el aislamiento "
                + attack.requires() + ": " + sandbox.warnings());
        ExerciseResult result = resultOf(withChecks, attack.name());
        StudentGrade grade = gradeOf(withChecks, attack.name());

        assertVerdict(attack, result);
        assertTrue(grade.scores().get(0).earned() < controlAlone.scores().get(0).earned(),
                "El ataque '" + attack.name() + "' obtuvo " + grade.scores().get(0).earned() + " puntos, tantos "
                        + "como la solución de referencia: " + describe(result));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutStaticChecks")
    @DisplayName("Sin el análisis previo, el aislamiento del proceso contiene el ataque")
    void isolationContainsAttack(Case attack) {
        assumeTrue(canRun(attack), "Este ataque solo lo contiene el aislamiento " + attack.requires()
                + ", que no está disponible aquí: " + sandbox.warnings());
        ExerciseResult result = resultOf(withoutChecks, attack.name());

        assertVerdict(attack, result);
    }

    @Nested
    @DisplayName("El resto de la clase")
    class RestOfTheClass {

        @Test
        @DisplayName("El alumno de control obtiene la misma nota con los atacantes que solo")
        void controlKeepsItsGrade() {
            StudentGrade withAttackers = gradeOf(withChecks, CONTROL);
            StudentGrade withoutScan = gradeOf(withoutChecks, CONTROL);

            assertEquals(24, controlAlone.scores().get(0).earned(), "Puntos del control solo: "
                    + describe(controlAlone.results().get(0)));
            assertEquals(statuses(controlAlone), statuses(withAttackers), "Resultados del control junto a los "
                    + "atacantes");
            assertEquals(controlAlone.total(), withAttackers.total(), "Nota del control junto a los atacantes");
            assertEquals(statuses(controlAlone), statuses(withoutScan), "Resultados del control junto a los "
                    + "atacantes sin análisis previo");
            assertEquals(controlAlone.total(), controlAfterwards.total(), "Nota del control en una ejecución "
                    + "posterior: un ataque cambió las pruebas compartidas");
        }

        @Test
        @DisplayName("El informe está completo: una fila y un results.json por alumno")
        void reportIsComplete() throws IOException {
            String grades = Files.readString(reportFolder.resolve("notas.csv"));

            assertEquals(corpus().stream().filter(HostileCorpusTest.this::canRun).count() + 1,
                    withChecks.grades().size(), "Alumnos calificados");
            for (StudentGrade grade : withChecks.grades()) {
                String id = grade.submission().id();
                assertTrue(grades.contains(id), "notas.csv no tiene la fila de '" + id + "'");
                for (String file : List.of("results.json", "feedback.md", "feedback.html")) {
                    assertTrue(Files.size(reportFolder.resolve("alumnos").resolve(grade.submission().folderName())
                            .resolve(file)) > 0, file + " de '" + id + "' está vacío o no existe");
                }
            }
            String report = Files.readString(reportFolder.resolve("informe.html"));
            assertTrue(report.endsWith("</html>\n"), "informe.html está incompleto");
            for (String warning : sandbox.warnings()) {
                assertTrue(report.contains(warning.substring(0, 40)), "informe.html no muestra el aviso: " + warning);
            }
        }

        @Test
        @DisplayName("Ningún ataque alcanza los ficheros, la red ni los secretos de fuera")
        void nothingOutsideIsTouched() throws IOException {
            assumeTrue(sandbox.level() == Sandbox.Level.BUBBLEWRAP, "Sin bubblewrap: " + sandbox.warnings());

            assertTrue(Files.isRegularFile(SENTINELS.resolve("no-borrar.txt")), "Un ataque borró un fichero de "
                    + "fuera de su carpeta de trabajo");
            assertFalse(Files.exists(SENTINELS.resolve("creado-por-proceso.txt")), "Un proceso lanzado por una "
                    + "entrega escribió fuera de su carpeta de trabajo");
            assertEquals(0, serverHits.get(), "Peticiones que llegaron al servidor local del puerto " + LOCAL_PORT);
            assertFalse(allText(root).contains(SECRET), "El secreto de " + SENTINELS.resolve(".aws/credentials")
                    + " aparece en la salida de alguna entrega");
        }
    }

    /** Returns whether this machine's isolation is at least the one the attack requires (levels go best first). */
    private boolean canRun(Case attack) {
        return sandbox.level().compareTo(attack.requires()) <= 0;
    }

    private void assertVerdict(Case attack, ExerciseResult result) {
        String description = describe(result);
        switch (attack.verdict()) {
            case REJECTED -> {
                assertEquals(ExerciseResult.State.REJECTED, result.state(), "Estado de '" + attack.name() + "': "
                        + description);
                assertTrue(result.detail().contains(attack.reason()), "Se esperaba el motivo '" + attack.reason()
                        + "' para '" + attack.name() + "', pero llegó: " + result.detail());
                assertTrue(result.detail().contains("SumHandler") || result.detail().contains("Trampa"),
                        "El motivo debe nombrar la clase: " + result.detail());
            }
            case TIMED_OUT -> assertAnyTest(result, attack, test -> test.status() == TestStatus.TIMED_OUT);
            case JVM_ENDED -> assertAnyTest(result, attack, test -> test.status() == TestStatus.JVM_ENDED);
            case FAILED -> assertAnyTest(result, attack, test -> !test.status().passed());
            case OUTPUT_CUT -> assertAnyTest(result, attack, test -> test.output() != null
                    && test.output().length() < LIMITS.outputLimit() + 200);
            case NO_SECRET -> assertFalse(allText(root).contains(SECRET), "El secreto aparece en la salida");
            case SENTINEL_KEPT -> assertTrue(Files.isRegularFile(SENTINELS.resolve("no-borrar.txt")),
                    "'" + attack.name() + "' borró un fichero de fuera de su carpeta de trabajo");
            case NOTHING_CREATED -> assertFalse(Files.exists(SENTINELS.resolve("creado-por-proceso.txt")),
                    "'" + attack.name() + "' creó un fichero fuera de su carpeta de trabajo");
        }
    }

    private static void assertAnyTest(ExerciseResult result, Case attack, Predicate<TestResult> status) {
        assertEquals(ExerciseResult.State.GRADED, result.state(), "Estado de '" + attack.name() + "': "
                + describe(result));
        assertTrue(result.tests().stream().anyMatch(test -> status.test(test) && reasonOf(test).contains(
                attack.reason())), "Se esperaba alguna prueba con el motivo '" + attack.reason() + "' para '"
                + attack.name() + "', pero llegó: " + describe(result));
    }

    /** Returns what a student reads for a test: its message, exception and output. */
    static String reasonOf(TestResult test) {
        return String.valueOf(test.message()) + " " + test.exception() + " " + test.output();
    }

    private ClassResults grade(Exercise exercise, Path classFolder, SubmissionScanner scanner, String output)
            throws Exception {
        Path cache = workbook.root().resolve("target/corrector");
        SuiteBuilder builder = new SuiteBuilder(Fixtures.classpath(), cache);
        Path work = Files.createDirectories(root.resolve("trabajo-" + output));
        SubmissionGrader grader = new SubmissionGrader(builder.harnessJar(), scanner, new TestRunner(LIMITS,
                sandbox), work);
        PreparedSuite suite = new SuitePreparation(builder, grader).prepare(exercise);
        Path out = output.equals("informe") ? reportFolder : root.resolve("salida-" + output);
        Grader classGrader = new Grader(grader, new ResultStore(out.resolve(".resultados")),
                new Scorer(new Scale(10)), 2);
        ClassResults results = classGrader.grade(ClassFolder.read(classFolder, out.resolve(".entregas")),
                List.of(suite), Progress.NONE);
        Reports.write(results, out, "es", sandbox.warnings());
        return results;
    }

    /** Builds a class folder with the named attacks and the control student, a copy of the reference. */
    private Path classFolder(String name, List<String> attacks) throws IOException {
        Path folder = Files.createDirectories(root.resolve("clase-" + name));
        for (String attack : attacks) {
            copyTree(Fixtures.resource("hostil").resolve(attack), folder.resolve(attack));
        }
        Path reference = workbook.root().resolve("solutions/07/src/main/java");
        copyTree(reference, folder.resolve(CONTROL).resolve("exercises/07/src/main/java"));
        return folder;
    }

    private void plantSentinels() throws IOException {
        Files.createDirectories(SENTINELS.resolve(".aws"));
        Files.writeString(SENTINELS.resolve("no-borrar.txt"), "Un ataque no debe poder borrar este fichero.\n");
        Files.writeString(SENTINELS.resolve(".aws/credentials"), "[default]\naws_access_key_id = " + SECRET + "\n");
        Files.deleteIfExists(SENTINELS.resolve("creado-por-proceso.txt"));
    }

    private void startServer() throws IOException {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", LOCAL_PORT), 0);
        } catch (BindException busy) {
            throw new IllegalStateException("El puerto " + LOCAL_PORT + " de 127.0.0.1 está ocupado: el corpus "
                    + "hostil lo necesita para comprobar que ninguna entrega llega a la red local", busy);
        }
        server.createContext("/", exchange -> {
            serverHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** Writes the corpus table to {@code target/corpus-hostil.md}, so that every attack's outcome can be read later. */
    private void writeCorpusTable() throws IOException {
        StringBuilder table = new StringBuilder(sandbox.describe() + "\n\n"
                + "| caso | análisis previo | veredicto | motivo que recibe el alumno |\n|---|---|---|---|\n");
        for (Case attack : corpus().stream().filter(this::canRun).toList()) {
            table.append(row(attack, "sí", resultOf(withChecks, attack.name())));
        }
        for (Case attack : withoutStaticChecks().stream().filter(this::canRun).toList()) {
            table.append(row(attack, "no", resultOf(withoutChecks, attack.name())));
        }
        table.append(row(new Case(CONTROL, Verdict.FAILED, ""), "sí", resultOf(withChecks, CONTROL)));
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("corpus-hostil.md"), table, StandardCharsets.UTF_8);
        }
    }

    private static String row(Case attack, String scanned, ExerciseResult result) {
        long passed = result.tests().stream().filter(test -> test.status().passed()).count();
        String verdict = result.state().label() + ", " + passed + "/" + result.tests().size() + " superadas";
        return "| " + attack.name() + " | " + scanned + " | " + verdict + " | " + reasonShown(attack, result)
                .replace("|", "\\|")
                .replace("\n", " ") + " |\n";
    }

    /** Returns the rejection, or the message of the first test that shows the expected reason, or else fails. */
    private static String reasonShown(Case attack, ExerciseResult result) {
        if (!result.detail().isEmpty()) {
            return result.detail().lines().findFirst().orElse("");
        }
        return result.tests().stream().filter(test -> !test.status().passed())
                .sorted(Comparator.comparing(test -> reasonOf(test).contains(attack.reason()) ? 0 : 1)).findFirst()
                .map(test -> labelled(test.status().label(), abbreviate(shownText(test, attack.reason())))
                        + (test.exception() == null ? "" : " (" + test.exception() + ")"))
                .orElse("todas superadas");
    }

    /** Prefixes the status to the text, unless the text starts with it, as timeout messages do. */
    private static String labelled(String label, String text) {
        return text.startsWith(label) ? text : label + ": " + text;
    }

    /** Returns the test's message, or the last line of its output when only the output shows the reason. */
    private static String shownText(TestResult test, String reason) {
        String message = String.valueOf(test.message());
        if (message.contains(reason) || test.output() == null || !test.output().contains(reason)) {
            return message;
        }
        return "salida: " + test.output().strip().lines().reduce((first, second) -> second).orElse("");
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static ExerciseResult resultOf(ClassResults results, String student) {
        return gradeOf(results, student).results().get(0);
    }

    private static StudentGrade gradeOf(ClassResults results, String student) {
        return results.grades().stream().filter(grade -> grade.submission().id().equals(student)).findFirst()
                .orElseThrow(() -> new AssertionError("No hay resultado para '" + student + "'"));
    }

    private static Map<String, TestStatus> statuses(StudentGrade grade) {
        Map<String, TestStatus> statuses = new LinkedHashMap<>();
        grade.results().get(0).tests().forEach(test -> statuses.put(test.id(), test.status()));
        return statuses;
    }

    private static String describe(ExerciseResult result) {
        return result.state().label() + " " + result.detail() + " " + result.tests().stream()
                .map(test -> test.status() + ": " + test.message()).collect(Collectors.toList());
    }

    private static String allText(Path folder) {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(path -> !path.toString().endsWith(".jar"))
                    .toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return text.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

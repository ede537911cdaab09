package dev.lambdaworkbook.checker.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdaworkbook.checker.compile.Suite;
import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import dev.lambdaworkbook.checker.run.SharedArchive;
import dev.lambdaworkbook.checker.submission.StudentFiles;
import dev.lambdaworkbook.checker.workbook.Exercise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prepares each exercise once per suite fingerprint: compiles its tests, runs the reference solution to learn the
 * plan of tests, and dumps the classes that run loaded into a class data sharing archive that later child JVMs
 * map instead of loading and verifying those classes again.
 */
public final class SuitePreparation {

    private static final ObjectMapper JSON = ResultStore.JSON;

    private final SuiteBuilder builder;
    private final SubmissionGrader grader;

    public SuitePreparation(SuiteBuilder builder, SubmissionGrader grader) {
        this.builder = builder;
        this.grader = grader;
    }

    public PreparedSuite prepare(Exercise exercise) {
        Suite suite = builder.build(exercise);
        Path saved = suite.folder().resolve("referencia.json");
        try {
            if (Files.isRegularFile(saved)) {
                return new PreparedSuite(suite, JSON.readValue(saved.toFile(), ExerciseResult.class));
            }
            Path classList = suite.folder().resolve("clases.lst");
            ExerciseResult reference = grader.grade(suite, referenceFiles(exercise), List.of(),
                    List.of(SharedArchive.recordOption(classList)));
            SharedArchive.dump(suite.childClasspath(grader.harnessJar(), List.of()), classList,
                    suite.sharedArchive(), grader.runner().limits());
            AtomicFiles.write(saved, out -> JSON.writeValue(out, reference));
            return new PreparedSuite(suite, reference);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Se interrumpió la ejecución de la solución de referencia", interrupted);
        }
    }

    /** Returns the options that let a child JVM map the suite's class data sharing archive, when it exists. */
    public static List<String> sharingOptions(Suite suite) {
        return SharedArchive.useOptions(suite.sharedArchive());
    }

    /** Returns the student-owned files of the reference: the starter's, replaced by the solution's. */
    public static StudentFiles referenceFiles(Exercise exercise) {
        return StudentFiles.fromExerciseLayout(exercise.folder(), exercise)
                .overlaidWith(StudentFiles.fromExerciseLayout(exercise.solution(), exercise));
    }
}

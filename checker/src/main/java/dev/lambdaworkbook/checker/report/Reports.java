package dev.lambdaworkbook.checker.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lambdaworkbook.checker.grade.AtomicFiles;
import dev.lambdaworkbook.checker.grade.ClassResults;
import dev.lambdaworkbook.checker.score.StudentGrade;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every output of a grading run, each file atomically: {@code notas.csv}, {@code informe.html}, and per
 * student {@code alumnos/<id>/results.json}, {@code feedback.md} and {@code feedback.html}.
 */
public final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {
    }

    /** Rejects a Moodle language {@code notas.csv} cannot be written in, before any grading starts. */
    public static void checkMoodleLanguage(String code) {
        GradesCsv.Language.of(code);
    }

    /**
     * Writes the reports.
     *
     * @param moodleLanguage {@code es} or {@code en}: the language of the Moodle headers in {@code notas.csv}
     */
    public static void write(ClassResults results, Path folder, String moodleLanguage) throws IOException {
        write(results, folder, moodleLanguage, List.of());
    }

    /**
     * Writes the reports, with warnings for the instructor at the top of the class report.
     *
     * @param warnings what the run could not guarantee, such as a missing OS isolation, in Spanish
     */
    /** Returns the warnings about the grades themselves, such as rows Moodle will not match, in Spanish. */
    public static List<String> gradeWarnings(ClassResults results) {
        return GradesCsv.warnings(results);
    }

    public static void write(ClassResults results, Path folder, String moodleLanguage, List<String> warnings)
            throws IOException {
        GradesCsv.Language language = GradesCsv.Language.of(moodleLanguage);
        for (StudentGrade grade : results.grades()) {
            Path student = folder.resolve("alumnos").resolve(grade.submission().folderName());
            AtomicFiles.write(student.resolve("results.json"),
                    out -> JSON.writeValue(out, ResultsJson.of(grade, results.scale())));
            AtomicFiles.writeString(student.resolve("feedback.md"), Feedback.markdown(grade, results.scale()));
            AtomicFiles.writeString(student.resolve("feedback.html"), Feedback.html(grade, results.scale()));
        }
        AtomicFiles.writeString(folder.resolve("notas.csv"), GradesCsv.write(results, language));
        AtomicFiles.writeString(folder.resolve("informe.html"), ClassReport.html(results, warnings));
    }
}

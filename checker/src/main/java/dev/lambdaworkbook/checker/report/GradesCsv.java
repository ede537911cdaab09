package dev.lambdaworkbook.checker.report;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.checker.grade.ClassResults;
import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.grade.PreparedSuite;
import dev.lambdaworkbook.checker.score.ExerciseScore;
import dev.lambdaworkbook.checker.score.StudentGrade;
import dev.lambdaworkbook.checker.submission.Submission;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code notas.csv} in the layout of Moodle's assignment grading worksheet, which the assignment's "Subir hoja de
 * calificaciones" upload reads. Moodle finds the columns by their headers in the language of the instructor's
 * session ("Identificador", "Calificación", "Última modificación (calificación)" in Spanish; "Identifier",
 * "Grade", "Last modified (grade)" in English) and the student by "Participante N", where N is the number in the
 * folder names of Moodle's "download all submissions". Extra columns (the marks per exercise) are ignored by the
 * upload. Marks use the decimal separator of that language.
 */
final class GradesCsv {

    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** The Moodle interface language the headers are written in. */
    enum Language {
        ES("Identificador", "Nombre completo", "Calificación", "Última modificación (calificación)",
                "Participante ", ','),
        EN("Identifier", "Full name", "Grade", "Last modified (grade)", "Participant ", '.');

        final String identifier;
        final String fullName;
        final String grade;
        final String modified;
        final String participant;
        final char decimal;

        Language(String identifier, String fullName, String grade, String modified, String participant,
                char decimal) {
            this.identifier = identifier;
            this.fullName = fullName;
            this.grade = grade;
            this.modified = modified;
            this.participant = participant;
            this.decimal = decimal;
        }

        static Language of(String code) {
            for (Language language : values()) {
                if (language.name().equalsIgnoreCase(code)) {
                    return language;
                }
            }
            throw new CheckerException("El idioma de Moodle '" + code + "' no está soportado: usa 'es' o 'en', el "
                    + "idioma en el que ves Moodle al subir la hoja de calificaciones.");
        }
    }

    private GradesCsv() {
    }

    /**
     * Returns a warning, in Spanish, when some rows of notas.csv will not match anyone on import: submissions that do
     * not come from a Moodle download keep their folder's name as identifier, not "Participante NNNN".
     */
    static List<String> warnings(ClassResults results) {
        List<String> outside = results.grades().stream().map(StudentGrade::submission)
                .filter(submission -> !submission.moodle()).map(Submission::id).toList();
        if (outside.isEmpty()) {
            return List.of();
        }
        String names = String.join(", ", outside.subList(0, Math.min(3, outside.size())))
                + (outside.size() > 3 ? " y " + (outside.size() - 3) + " más" : "");
        return List.of((outside.size() == 1 ? "1 entrega no viene" : outside.size() + " entregas no vienen")
                + " de una descarga de Moodle (" + names + "): en notas.csv su identificador es el nombre de su "
                + "carpeta, que Moodle no reconoce al importar. Pon esas notas a mano o nombra cada carpeta como en "
                + "la descarga, «Nombre Apellidos_NNNN_assignsubmission_file_».");
    }

    static String write(ClassResults results, Language language) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(language.identifier, language.fullName, language.grade,
                language.modified));
        for (PreparedSuite suite : results.suites()) {
            header.add("Ejercicio " + suite.id());
        }
        header.add("Observaciones");
        row(csv, header);
        String modified = MODIFIED.format(results.finishedAt());
        for (StudentGrade grade : results.grades()) {
            String id = grade.submission().moodle() ? language.participant + grade.submission().id()
                    : grade.submission().id();
            List<String> cells = new ArrayList<>(List.of(id, grade.submission().name(),
                    number(grade.total(), language), modified));
            for (ExerciseScore score : grade.scores()) {
                cells.add(number(score.mark(), language));
            }
            cells.add(observations(grade));
            row(csv, cells);
        }
        return csv.toString();
    }

    /**
     * Returns why the row's marks are what they are when no test explains it: the entry's problem, or each
     * exercise that was not graded with its state, such as "Ejercicio 03: no compila".
     */
    private static String observations(StudentGrade grade) {
        if (grade.submission().problem() != null) {
            return grade.submission().problem();
        }
        List<String> states = new ArrayList<>();
        for (ExerciseResult result : grade.results()) {
            if (result.state() != ExerciseResult.State.GRADED) {
                states.add("Ejercicio " + result.exercise() + ": " + result.state().label());
            }
        }
        return String.join("; ", states);
    }

    private static String number(double value, Language language) {
        return String.format(Locale.ROOT, "%.2f", value).replace('.', language.decimal);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append('"').append(cells.get(i).replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }
}

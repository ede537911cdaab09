package dev.lambdaworkbook.checker.verify;

/**
 * One check of {@code verificar}.
 *
 * @param exercise the exercise number
 * @param subject what was checked, e.g. "referencia", "código inicial" or "error «sin-null»"
 * @param passed whether the check holds
 * @param summary one line saying what came, in Spanish
 * @param detail further lines, such as the failed tests and their messages; may be empty
 * @param warning whether the check only warns: it passes, but the instructor should act
 */
public record Check(String exercise, String subject, boolean passed, String summary, String detail,
        boolean warning) {

    public Check(String exercise, String subject, boolean passed, String summary, String detail) {
        this(exercise, subject, passed, summary, detail, false);
    }
}

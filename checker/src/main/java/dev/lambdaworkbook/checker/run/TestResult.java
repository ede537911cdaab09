package dev.lambdaworkbook.checker.run;

/**
 * The result of one test method for one submission: what the reports, the scores and the saved results hold.
 *
 * @param id JUnit's unique id of the test method
 * @param className the test class, a nested class with its {@code $} suffix
 * @param suite the display names of the test class and its nested classes, joined with " › "
 * @param graded whether the method carries {@code @Graded}; ungraded tests are shown but earn no points
 * @param hidden whether the test comes from the hidden tests kept with the reference solution
 * @param message the failure or skip message, or null
 * @param exception the class name of the failure's exception, or null
 * @param location the top stack frame in the student's code, or null
 * @param output what the test printed, capped
 */
public record TestResult(
        String id,
        String className,
        String suite,
        String name,
        boolean graded,
        int task,
        int points,
        boolean hidden,
        TestStatus status,
        String message,
        String exception,
        Location location,
        String output) {

    /** A place in the student's code. */
    public record Location(String className, String method, String file, int line) {

        /** Returns the source path under {@code src/main/java}, e.g. {@code dev/x/SumHandler.java:14}. */
        public String sourcePath() {
            int lastDot = className.lastIndexOf('.');
            String folder = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
            return folder + file + (line > 0 ? ":" + line : "");
        }
    }

    public TestResult withOutcome(TestStatus newStatus, String newMessage) {
        return new TestResult(id, className, suite, name, graded, task, points, hidden, newStatus, newMessage, null,
                null, output);
    }

    /** Returns the name a student reads: the class's display name, then the test's. */
    public String fullName() {
        return suite.isEmpty() ? name : suite + " › " + name;
    }

    /** Returns the top-level test class of {@link #className}. */
    public String topLevelClass() {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }
}

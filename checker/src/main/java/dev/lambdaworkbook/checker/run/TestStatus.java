package dev.lambdaworkbook.checker.run;

/** How one graded test ended, with the Spanish word reports use. */
public enum TestStatus {
    PASSED("superada"),
    FAILED("fallida"),
    SKIPPED("omitida"),
    TIMED_OUT("tiempo agotado"),
    JVM_ENDED("JVM terminada"),
    NOT_RUN("sin ejecutar");

    private final String label;

    TestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Returns whether the test earns its points. */
    public boolean passed() {
        return this == PASSED;
    }
}

package dev.lambdaworkbook.checker.cli;

/** The checker's exit codes, the same for every subcommand. */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;
    /** The command ran and found problems: a check of {@code verificar} or {@code publicar} failed. */
    static final int CHECK_FAILED = 1;
    /** The command line is wrong: unknown option, missing argument, value of the wrong type. */
    static final int USAGE = 2;
    /** An input is wrong (a folder, an exercise, a template): the message says which and how to fix it. */
    static final int BAD_INPUT = 3;
    /** An unexpected failure inside the checker. */
    static final int INTERNAL = 4;

    private ExitCodes() {
    }
}

package dev.lambdaworkbook.checker.run.child;

/**
 * Ends the child JVM when the checker that started it ends, even by SIGKILL, so that no submission keeps running
 * unsupervised, past every time limit. Under bubblewrap the JVM is process 1 of its own namespace and has no
 * visible parent: there bubblewrap's {@code --die-with-parent} does the same.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    /** Halts this JVM with exit code 4 once its parent process has ended. */
    static void start() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                .thenRun(() -> Runtime.getRuntime().halt(4)));
    }
}

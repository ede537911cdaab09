package dev.lambdaworkbook.checker.run.child;

import java.util.Optional;

/**
 * Ends the child JVM when the checker that started it ends, even by SIGKILL, so that no submission keeps running
 * unsupervised, past every time limit. The checker passes its process id in the system property
 * {@value #CHECKER_PID_PROPERTY}: the current parent is no proof, because a JVM orphaned while it starts already
 * has a new parent. Under bubblewrap the JVM is process 1 of its own namespace and cannot see the checker: there
 * bubblewrap's {@code --die-with-parent} ends it instead.
 */
final class ParentWatch {

    static final String CHECKER_PID_PROPERTY = "checker.pid";

    private ParentWatch() {
    }

    /** Halts this JVM with exit code 4 once the checker has ended, at once when it already has. */
    static void start() {
        Long checkerPid = Long.getLong(CHECKER_PID_PROPERTY);
        if (checkerPid == null || ProcessHandle.current().pid() == 1) {
            return;
        }
        Optional<ProcessHandle> checker = ProcessHandle.of(checkerPid);
        if (checker.isEmpty()) {
            Runtime.getRuntime().halt(4);
        }
        checker.get().onExit().thenRun(() -> Runtime.getRuntime().halt(4));
    }
}

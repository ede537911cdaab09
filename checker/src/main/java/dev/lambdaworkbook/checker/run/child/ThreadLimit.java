package dev.lambdaworkbook.checker.run.child;

import java.util.Map;

/**
 * Stops the child JVM when the tests run more threads at once than any exercise needs, so that a thread bomb ends
 * in a second with a clear reason instead of exhausting the machine until the time limit. The operating system's
 * own per-user limit cannot do this: it counts every process of the instructor's user, so one submission's bomb
 * would also break the JVMs of the submissions graded next to it.
 */
final class ThreadLimit implements Runnable {

    /** Far above what JUnit, the HTTP client and the local S3 server of the tests start together. */
    static final int MAX_THREADS = 512;

    private static final long INTERVAL_MILLIS = 20;

    private final ResultChannel channel;
    private final ThreadGroup root;

    private ThreadLimit(ResultChannel channel) {
        this.channel = channel;
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        this.root = group;
    }

    /** Starts watching in a daemon thread. */
    static void watch(ResultChannel channel) {
        Thread watcher = new Thread(new ThreadLimit(channel), "limite-hilos");
        watcher.setDaemon(true);
        watcher.setPriority(Thread.MAX_PRIORITY);
        watcher.start();
    }

    @Override
    public void run() {
        try {
            while (root.activeCount() <= MAX_THREADS) {
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (InterruptedException ended) {
            return;
        }
        channel.send(Json.write(Map.of("t", "fatal", "reason", "la entrega tenía más de " + MAX_THREADS
                + " hilos a la vez y el corrector detuvo su JVM: revisa si creas hilos en un bucle")));
        Runtime.getRuntime().halt(3);
    }
}

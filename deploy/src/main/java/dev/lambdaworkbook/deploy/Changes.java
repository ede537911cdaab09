package dev.lambdaworkbook.deploy;

import java.io.PrintStream;

/**
 * The list of changes a run makes, printed one line per resource. In plan mode every change is printed and none is
 * made: each step asks {@link #create}, {@link #update} or {@link #delete} before calling a write API, and calls it
 * only when the answer is {@code true}.
 */
public final class Changes {

    private final boolean plan;
    private final PrintStream out;
    private int count;

    public Changes(boolean plan, PrintStream out) {
        this.plan = plan;
        this.out = out;
    }

    public boolean plan() {
        return plan;
    }

    /** Prints a resource to create; returns whether to create it now. */
    public boolean create(String resource) {
        return record("+ crear      ", resource);
    }

    /** Prints a resource to change and how; returns whether to change it now. */
    public boolean update(String resource, String detail) {
        return record("~ actualizar ", resource + ": " + detail);
    }

    /** Prints a resource to delete; returns whether to delete it now. */
    public boolean delete(String resource) {
        return record("- borrar     ", resource);
    }

    /** Prints a resource that is already as it should be. */
    public void unchanged(String resource) {
        out.println("  = sin cambios " + resource);
    }

    /** Prints a note under the current step, such as an invoke URL or a hint. */
    public void note(String text) {
        out.println("    " + text);
    }

    /** Prints the title of a step. */
    public void step(String title) {
        out.println(title);
    }

    public int count() {
        return count;
    }

    public PrintStream out() {
        return out;
    }

    private boolean record(String action, String text) {
        count++;
        out.println("  " + action + text);
        return !plan;
    }
}

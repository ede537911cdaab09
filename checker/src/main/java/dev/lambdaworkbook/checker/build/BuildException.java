package dev.lambdaworkbook.checker.build;

/** A build output that cannot be made from the submission, with the reason in Spanish for the student. */
public class BuildException extends Exception {

    public BuildException(String message) {
        super(message);
    }
}

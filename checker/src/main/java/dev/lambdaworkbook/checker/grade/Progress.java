package dev.lambdaworkbook.checker.grade;

import dev.lambdaworkbook.checker.submission.Submission;

/** Receives grading progress, one call per student and exercise, from several threads. */
public interface Progress {

    Progress NONE = new Progress() {
    };

    default void started(int total) {
    }

    default void finished(Submission submission, ExerciseResult result, boolean reused) {
    }

    default void ended() {
    }
}

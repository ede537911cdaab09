package dev.lambdaworkbook.kit.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a graded test with the numbered task of the exercise statement it checks and the points it is worth.
 *
 * <p>On a parameterised or repeated test the points are shared among its invocations. The checker and the
 * {@link GradeSummaryListener} read this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {

    /** Number of the task in the exercise's README.md. */
    int task();

    /** Points the test is worth; at least 1. */
    int points() default 1;
}

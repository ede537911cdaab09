package dev.lambdaworkbook.checker.policy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The APIs and environment variables one exercise's code may use beyond the plain JDK and the Lambda libraries.
 *
 * @param exercise the exercise number, such as {@code 07}
 * @param codePackage the package of the exercise's handler, where the student's classes belong
 * @param permissions the API families the exercise needs
 * @param declaredEnvironment the environment variables the exercise's {@code template.yaml} declares; the code
 *     may read these and the {@link #LAMBDA_VARIABLES}
 */
public record ExercisePolicy(String exercise, String codePackage, Set<Permission> permissions,
        Set<String> declaredEnvironment) {

    /**
     * Variables the Lambda runtime sets in every function that are not credentials. {@code AWS_ACCESS_KEY_ID},
     * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN} are deliberately absent: in Lambda only the SDK
     * reads them.
     */
    public static final Set<String> LAMBDA_VARIABLES = Set.of(
            "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "LAMBDA_TASK_ROOT", "_HANDLER", "TZ");

    public ExercisePolicy {
        permissions = Set.copyOf(permissions);
        declaredEnvironment = Set.copyOf(declaredEnvironment);
    }

    public boolean allows(Permission permission) {
        return permission != null && permissions.contains(permission);
    }

    public boolean mayRead(String variable) {
        return declaredEnvironment.contains(variable) || LAMBDA_VARIABLES.contains(variable);
    }

    /** Returns, in Spanish, which variables the code may read, for messages. */
    public String readableVariables() {
        String declared = declaredEnvironment.isEmpty() ? "template.yaml no declara ninguna"
                : "las que declara template.yaml (" + String.join(", ", new TreeSet<>(declaredEnvironment)) + ")";
        return declared + " y las que pone el runtime de Lambda, como AWS_REGION";
    }
}

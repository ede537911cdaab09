package dev.lambdaworkbook.deploy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Marks an access-denied error with the IAM permission the call needed, as a suppressed {@link MissingPermission}
 * (the SDK requires the exception's own type to come back from an interceptor). AWS often names the permission in
 * the message ("is not authorized to perform: iam:PassRole"). When it does not, the permission is derived from the
 * service and operation of the failed call.
 */
final class AccessDeniedInterceptor implements ExecutionInterceptor {

    private static final Set<String> DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "AuthorizationError", "UnauthorizedAccess");
    private static final Pattern NAMED_ACTION = Pattern.compile("perform: ([a-z0-9-]+:[A-Za-z0-9*]+)");
    /** IAM action prefixes by SDK service name; API Gateway's actions are HTTP verbs instead. */
    private static final Map<String, String> ACTION_PREFIXES = Map.of("lambda", "lambda", "iam", "iam", "s3", "s3",
            "eventbridge", "events", "sts", "sts");
    /** S3 operations whose IAM action has another name. */
    private static final Map<String, String> S3_ACTIONS = Map.of(
            "HeadBucket", "s3:ListBucket",
            "ListObjectsV2", "s3:ListBucket",
            "HeadObject", "s3:GetObject",
            "GetBucketNotificationConfiguration", "s3:GetBucketNotification",
            "PutBucketNotificationConfiguration", "s3:PutBucketNotification");

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (failure instanceof AwsServiceException service && denied(service)) {
            String action = action(service, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    context.httpRequest().map(request -> request.method().name()).orElse("?"));
            service.addSuppressed(new MissingPermission(action));
        }
        return failure;
    }

    /** Returns the permission an access-denied failure lacked, or empty for any other failure. */
    static Optional<String> missingPermission(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof MissingPermission missing) {
                return Optional.of(missing.action);
            }
        }
        return Optional.empty();
    }

    private static boolean denied(AwsServiceException service) {
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        return code == null ? service.statusCode() == 403 : DENIED_CODES.contains(code);
    }

    static String action(AwsServiceException service, String serviceName, String operation, String httpMethod) {
        Matcher named = NAMED_ACTION.matcher(String.valueOf(service.getMessage()));
        if (named.find()) {
            return named.group(1);
        }
        String normalized = String.valueOf(serviceName).toLowerCase(Locale.ROOT).replace(" ", "");
        if (normalized.equals("apigateway")) {
            return "apigateway:" + httpMethod;
        }
        if (normalized.equals("s3") && S3_ACTIONS.containsKey(operation)) {
            return S3_ACTIONS.get(operation);
        }
        if (normalized.equals("lambda") && "Invoke".equals(operation)) {
            return "lambda:InvokeFunction";
        }
        return ACTION_PREFIXES.getOrDefault(normalized, normalized) + ":" + operation;
    }

    /** The IAM permission a denied call needed, carried as a suppressed exception of the SDK's own exception. */
    static final class MissingPermission extends RuntimeException {

        private final String action;

        MissingPermission(String action) {
            super("Falta el permiso " + action, null, false, false);
            this.action = action;
        }
    }
}

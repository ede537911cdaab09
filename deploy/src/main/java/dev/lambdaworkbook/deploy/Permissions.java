package dev.lambdaworkbook.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Statements of the function's resource-based policy that let a service (EventBridge, S3, API Gateway) invoke it,
 * each limited to one source ARN.
 */
final class Permissions {

    private final LambdaClient lambda;
    private final Changes changes;

    Permissions(LambdaClient lambda, Changes changes) {
        this.lambda = lambda;
        this.changes = changes;
    }

    /** Ensures statement {@code statementId} lets {@code principal} invoke the function from {@code sourceArn}. */
    void allow(String function, String statementId, String principal, String sourceArn, Optional<String> account) {
        String what = "permiso para que " + principal + " invoque '" + function + "' (" + statementId + ")";
        Optional<JsonNode> current = statement(function, statementId);
        if (current.isPresent() && matches(current.get(), principal, sourceArn)) {
            changes.unchanged(what);
            return;
        }
        boolean apply = current.isPresent() ? changes.update(what, "otro origen") : changes.create(what);
        if (!apply) {
            return;
        }
        if (current.isPresent()) {
            remove(function, statementId);
        }
        try {
            add(function, statementId, principal, sourceArn, account);
        } catch (ResourceConflictException sameIdMeanwhile) {
            // The id exists after all (an earlier request whose response was lost): replace it.
            remove(function, statementId);
            add(function, statementId, principal, sourceArn, account);
        }
    }

    private void add(String function, String statementId, String principal, String sourceArn,
            Optional<String> account) {
        lambda.addPermission(request -> {
            request.functionName(function).statementId(statementId).action("lambda:InvokeFunction")
                    .principal(principal).sourceArn(sourceArn);
            account.ifPresent(request::sourceAccount);
        });
    }

    private void remove(String function, String statementId) {
        try {
            lambda.removePermission(request -> request.functionName(function).statementId(statementId));
        } catch (ResourceNotFoundException alreadyGone) {
            // Nothing to remove.
        }
    }

    private Optional<JsonNode> statement(String function, String statementId) {
        String policy;
        try {
            policy = lambda.getPolicy(request -> request.functionName(function)).policy();
        } catch (ResourceNotFoundException noPolicyOrFunction) {
            return Optional.empty();
        }
        for (JsonNode statement : Json.parse(policy, "La política de la función '" + function + "'")
                .path("Statement")) {
            if (statementId.equals(statement.path("Sid").asText())) {
                return Optional.of(statement);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(JsonNode statement, String principal, String sourceArn) {
        return principal.equals(statement.path("Principal").path("Service").asText())
                && sourceArn.equals(statement.path("Condition").path("ArnLike").path("AWS:SourceArn").asText());
    }
}

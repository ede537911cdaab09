package dev.lambdaworkbook.deploy;

import dev.lambdaworkbook.kit.config.Trigger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;

/**
 * A notification of the template's bucket that invokes the function for each new object under the prefix and
 * suffix of the template. Other notifications of the bucket are kept.
 */
final class S3Trigger {

    private final S3Client s3;
    private final Permissions permissions;
    private final Changes changes;

    S3Trigger(S3Client s3, Permissions permissions, Changes changes) {
        this.s3 = s3;
        this.permissions = permissions;
        this.changes = changes;
    }

    /**
     * Rejects a function whose output would fire its own trigger: it writes to the trigger's bucket (a variable
     * {@code X_BUCKET}) under a prefix ({@code X_PREFIX}, empty when absent) that overlaps the trigger's prefix.
     * Each output object would invoke the function again, in a loop that AWS bills per invocation.
     */
    static void rejectSelfTrigger(Trigger.S3 trigger, String bucket, Map<String, String> environment) {
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey().toUpperCase(Locale.ROOT);
            if (!name.endsWith("BUCKET") || !bucket.equals(variable.getValue())) {
                continue;
            }
            String prefixVariable = variable.getKey().substring(0, variable.getKey().length() - "BUCKET".length())
                    + "PREFIX";
            String outputPrefix = environment.getOrDefault(prefixVariable, "");
            if (outputPrefix.startsWith(trigger.prefix()) || trigger.prefix().startsWith(outputPrefix)) {
                throw new DeployException(DeployException.USAGE, """
                        La función escribe en s3://%s/%s (variable %s%s) y su disparador S3 '%s' se activa con cada \
                        objeto nuevo de s3://%s/%s*%s. Cada fichero que escribiera la volvería a invocar, en un bucle \
                        que AWS factura por invocación.
                        Cambia la salida en template.yaml: otro bucket, o un prefijo que no se solape con '%s'."""
                        .formatted(bucket, outputPrefix, variable.getKey(),
                                environment.containsKey(prefixVariable) ? " y " + prefixVariable : "",
                                trigger.name(), bucket, trigger.prefix(),
                                trigger.suffix().isEmpty() ? "" : " que acabe en '" + trigger.suffix() + "'",
                                trigger.prefix()));
            }
        }
    }

    void ensure(Trigger.S3 trigger, Names names, String bucket, String functionArn, String account) {
        // S3 checks that it may invoke the function when the notification is saved, so the permission goes first.
        permissions.allow(names.function(), names.statementId(trigger.name()), "s3.amazonaws.com",
                "arn:aws:s3:::" + bucket, Optional.of(account));
        String id = names.statementId(trigger.name());
        LambdaFunctionConfiguration desired = LambdaFunctionConfiguration.builder()
                .id(id)
                .lambdaFunctionArn(functionArn)
                .eventsWithStrings(trigger.events())
                .filter(filter -> filter.key(key -> key.filterRules(filterRules(trigger))))
                .build();

        String what = "notificación de s3://" + bucket + "/" + trigger.prefix() + "*" + trigger.suffix() + " ("
                + String.join(", ", trigger.events()) + ") → función";
        GetBucketNotificationConfigurationResponse current = currentConfiguration(bucket);
        List<LambdaFunctionConfiguration> others = new ArrayList<>();
        LambdaFunctionConfiguration ours = null;
        for (LambdaFunctionConfiguration configuration : current == null ? List.<LambdaFunctionConfiguration>of()
                : current.lambdaFunctionConfigurations()) {
            if (id.equals(configuration.id())) {
                ours = configuration;
            } else {
                others.add(configuration);
            }
        }

        if (ours != null && same(ours, desired)) {
            changes.unchanged(what);
            return;
        }
        boolean apply = ours == null ? changes.create(what) : changes.update(what, "otro filtro o función");
        if (!apply) {
            return;
        }
        others.add(desired);
        s3.putBucketNotificationConfiguration(request -> request.bucket(bucket).notificationConfiguration(
                configuration -> configuration
                        .lambdaFunctionConfigurations(others)
                        .topicConfigurations(current.topicConfigurations())
                        .queueConfigurations(current.queueConfigurations())
                        .eventBridgeConfiguration(current.eventBridgeConfiguration())));
    }

    /** Returns the bucket's notifications, or null when the bucket does not exist yet (plan mode). */
    private GetBucketNotificationConfigurationResponse currentConfiguration(String bucket) {
        try {
            return s3.getBucketNotificationConfiguration(request -> request.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception missing) {
            if (AwsErrors.notFound(missing) && changes.plan()) {
                return null;
            }
            throw missing;
        }
    }

    /** Removes this script's notifications from the bucket, keeping the others; used by --destruir. */
    void remove(String bucket, Names names, List<Trigger.S3> triggers) {
        List<String> ids = triggers.stream().map(trigger -> names.statementId(trigger.name())).toList();
        GetBucketNotificationConfigurationResponse current = s3.getBucketNotificationConfiguration(
                request -> request.bucket(bucket));
        List<LambdaFunctionConfiguration> kept = current.lambdaFunctionConfigurations().stream()
                .filter(configuration -> !ids.contains(configuration.id())).toList();
        if (kept.size() == current.lambdaFunctionConfigurations().size()) {
            return;
        }
        if (changes.delete("notificaciones de s3://" + bucket + " hacia la función")) {
            s3.putBucketNotificationConfiguration(request -> request.bucket(bucket).notificationConfiguration(
                    configuration -> configuration
                            .lambdaFunctionConfigurations(kept)
                            .topicConfigurations(current.topicConfigurations())
                            .queueConfigurations(current.queueConfigurations())
                            .eventBridgeConfiguration(current.eventBridgeConfiguration())));
        }
    }

    private static List<FilterRule> filterRules(Trigger.S3 trigger) {
        List<FilterRule> rules = new ArrayList<>();
        if (!trigger.prefix().isEmpty()) {
            rules.add(FilterRule.builder().name(FilterRuleName.PREFIX).value(trigger.prefix()).build());
        }
        if (!trigger.suffix().isEmpty()) {
            rules.add(FilterRule.builder().name(FilterRuleName.SUFFIX).value(trigger.suffix()).build());
        }
        return rules;
    }

    private static boolean same(LambdaFunctionConfiguration current, LambdaFunctionConfiguration desired) {
        return desired.lambdaFunctionArn().equals(current.lambdaFunctionArn())
                && new HashSet<>(desired.eventsAsStrings()).equals(new HashSet<>(current.eventsAsStrings()))
                && rules(desired).equals(rules(current));
    }

    private static Map<String, String> rules(LambdaFunctionConfiguration configuration) {
        Map<String, String> rules = new java.util.TreeMap<>();
        if (configuration.filter() != null && configuration.filter().key() != null) {
            configuration.filter().key().filterRules().forEach(rule -> rules.put(
                    rule.nameAsString().toLowerCase(Locale.ROOT), rule.value()));
        }
        return rules;
    }
}

package dev.lambdaworkbook.deploy;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.Trigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes what deploy.java created for one exercise and prefix: only resources with its names and its tags, so a
 * resource someone made by hand is never touched. Running it again finds nothing and deletes nothing.
 */
final class Destroyer {

    private final AwsClients aws;
    private final Changes changes;
    private final Timing timing;

    Destroyer(AwsClients aws, Changes changes, Timing timing) {
        this.aws = aws;
        this.changes = changes;
        this.timing = timing;
    }

    void destroy(Names names, FunctionConfig config, String account) {
        Buckets buckets = new Buckets(aws.s3(), changes, aws.region());

        deleteApi(names);
        for (Trigger.Schedule schedule : config.triggers(Trigger.Schedule.class)) {
            deleteRule(names.rule(schedule.name()), names);
        }
        Map<String, Boolean> templateBuckets = new LinkedHashMap<>();
        for (String bucket : config.buckets().values()) {
            String deployed = names.bucket(bucket);
            Optional<String> region = buckets.regionOf(deployed);
            templateBuckets.put(deployed, region.isPresent() && names.ownedBy(buckets.tags(deployed)));
            if (region.isPresent() && !templateBuckets.get(deployed)) {
                removeNotifications(deployed, names, config);
            }
        }

        deleteFunction(names);
        templateBuckets.forEach((bucket, owned) -> {
            if (owned) {
                deleteBucket(bucket);
            }
        });
        String artifacts = names.artifactsBucket(account, aws.region());
        if (buckets.regionOf(artifacts).isPresent() && names.ownedBy(buckets.tags(artifacts))) {
            deleteBucket(artifacts);
        }
        deleteRole(names);

        if (changes.count() == 0) {
            changes.step("No queda nada que borrar del ejercicio " + names.exercise() + " con el prefijo '"
                    + names.prefix() + "'.");
        }
        changes.step("El grupo de logs /aws/lambda/" + names.function() + " lo crea Lambda y este script no lo "
                + "borra; su almacenamiento se factura. Bórralo con:\n    aws logs delete-log-group --log-group-name "
                + "/aws/lambda/" + names.function());
    }

    /** Deletes every API with this name and tags: a CreateRestApi retried after a lost response makes two. */
    private void deleteApi(Names names) {
        List<RestApi> apis = aws.apiGateway().getRestApisPaginator(request -> request.limit(500)).items().stream()
                .filter(api -> names.api().equals(api.name()) && names.ownedBy(api.tags())).toList();
        for (RestApi api : apis) {
            if (changes.delete("API REST '" + names.api() + "' (" + api.id() + ")")) {
                aws.apiGateway().deleteRestApi(request -> request.restApiId(api.id()));
            }
        }
    }

    private void deleteRule(String rule, Names names) {
        Optional<DescribeRuleResponse> current = new ScheduleTrigger(aws.events(), null, changes).describe(rule);
        if (current.isEmpty()) {
            return;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        aws.events().listTagsForResource(request -> request.resourceARN(current.get().arn())).tags()
                .forEach(tag -> tags.put(tag.key(), tag.value()));
        if (!names.ownedBy(tags) || !changes.delete("regla de EventBridge '" + rule + "' y su destino")) {
            return;
        }
        List<String> targets = aws.events().listTargetsByRule(request -> request.rule(rule)).targets().stream()
                .map(target -> target.id()).toList();
        if (!targets.isEmpty()) {
            aws.events().removeTargets(request -> request.rule(rule).ids(targets));
        }
        aws.events().deleteRule(request -> request.name(rule));
    }

    private void removeNotifications(String bucket, Names names, FunctionConfig config) {
        List<Trigger.S3> triggers = config.triggers(Trigger.S3.class).stream()
                .filter(trigger -> names.bucket(trigger.bucket()).equals(bucket)).toList();
        if (!triggers.isEmpty()) {
            new S3Trigger(aws.s3(), null, changes).remove(bucket, names, triggers);
        }
    }

    private void deleteFunction(Names names) {
        Optional<GetFunctionResponse> function = new FunctionDeployer(aws.lambda(), changes, timing)
                .find(names.function());
        if (function.isPresent() && names.ownedBy(function.get().tags())
                && changes.delete("función '" + names.function() + "' (con sus permisos de invocación)")) {
            aws.lambda().deleteFunction(request -> request.functionName(names.function()));
        }
    }

    private void deleteBucket(String bucket) {
        List<String> keys = aws.s3().listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .map(S3Object::key).toList();
        String contents = keys.isEmpty() ? "vacío" : keys.size() + " objeto" + (keys.size() == 1 ? "" : "s");
        if (!changes.delete("bucket '" + bucket + "' (" + contents + ")")) {
            return;
        }
        for (String key : keys) {
            aws.s3().deleteObject(request -> request.bucket(bucket).key(key));
        }
        aws.s3().deleteBucket(request -> request.bucket(bucket));
    }

    private void deleteRole(Names names) {
        Role role;
        try {
            role = aws.iam().getRole(request -> request.roleName(names.role())).role();
        } catch (NoSuchEntityException missing) {
            return;
        }
        if (!names.ownedBy(ExecutionRole.tags(role.tags()))
                || !changes.delete("rol de ejecución '" + names.role() + "' y sus políticas")) {
            return;
        }
        for (AttachedPolicy policy : aws.iam().listAttachedRolePoliciesPaginator(
                request -> request.roleName(names.role())).attachedPolicies()) {
            aws.iam().detachRolePolicy(request -> request.roleName(names.role()).policyArn(policy.policyArn()));
        }
        for (String policy : aws.iam().listRolePoliciesPaginator(request -> request.roleName(names.role()))
                .policyNames()) {
            aws.iam().deleteRolePolicy(request -> request.roleName(names.role()).policyName(policy));
        }
        aws.iam().deleteRole(request -> request.roleName(names.role()));
    }
}

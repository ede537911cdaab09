package dev.lambdaworkbook.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The function's execution role: trusted by {@code lambda.amazonaws.com}, with the managed policy for CloudWatch
 * Logs and, when the template names buckets, an inline policy limited to those buckets.
 */
final class ExecutionRole {

    static final String LOGS_POLICY = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    static final String S3_POLICY_NAME = "acceso-buckets-del-ejercicio";
    static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";

    private final IamClient iam;
    private final Changes changes;
    private final Timing timing;

    ExecutionRole(IamClient iam, Changes changes, Timing timing) {
        this.iam = iam;
        this.changes = changes;
        this.timing = timing;
    }

    /** Returns the role's ARN. */
    String ensure(Names names, String account, Collection<String> buckets) {
        String name = names.role();
        String what = "rol de ejecución '" + name + "'";
        Optional<Role> existing = find(name);
        String arn = "arn:aws:iam::" + account + ":role/" + name;
        if (existing.isPresent()) {
            requireLambdaTrust(existing.get());
            arn = existing.get().arn();
            changes.unchanged(what);
            if (!names.ownedBy(tags(existing.get().tags()))) {
                changes.note("Este rol no lo creó deploy.java: se usa tal cual y --destruir no lo borrará.");
            }
        } else if (changes.create(what + " (confía en lambda.amazonaws.com)")) {
            arn = create(names, name);
            iam.waiter().waitUntilRoleExists(request -> request.roleName(name),
                    waiter -> waiter.backoffStrategyV2(BackoffStrategy.fixedDelay(timing.waiterPoll())));
        }
        ensureLogsPolicy(name, existing.isPresent());
        ensureBucketPolicy(name, existing.isPresent(), buckets);
        return arn;
    }

    private String create(Names names, String name) {
        try {
            return iam.createRole(request -> request.roleName(name).assumeRolePolicyDocument(TRUST_POLICY)
                    .description("Rol de ejecución de " + names.function() + ", creado por deploy.java")
                    .tags(tagList(names.tags()))).role().arn();
        } catch (EntityAlreadyExistsException createdByLostRequest) {
            // The SDK retried a CreateRole whose first response was lost on the way back.
            return iam.getRole(request -> request.roleName(name)).role().arn();
        }
    }

    private Optional<Role> find(String name) {
        try {
            return Optional.of(iam.getRole(request -> request.roleName(name)).role());
        } catch (NoSuchEntityException missing) {
            return Optional.empty();
        }
    }

    /** Fails at once when the role exists but Lambda may not assume it: retrying would never help. */
    private static void requireLambdaTrust(Role role) {
        String document = URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8);
        if (!trustsLambda(Json.parse(document, "La política de confianza del rol '" + role.roleName() + "'"))) {
            throw new DeployException(DeployException.FAILED, """
                    El rol '%s' ya existe, pero su política de confianza no permite que Lambda lo asuma \
                    (falta el principal de servicio lambda.amazonaws.com con la acción sts:AssumeRole).
                    Lambda no podrá usarlo nunca, así que no tiene sentido reintentar. Arréglalo de una de estas formas:
                      - en la consola de IAM, pestaña «Relaciones de confianza» del rol, añade lambda.amazonaws.com;
                      - o despliega con otro prefijo (--prefijo OTRO) para que el script cree su propio rol."""
                    .formatted(role.roleName()));
        }
    }

    static boolean trustsLambda(JsonNode policy) {
        for (JsonNode statement : asList(policy.path("Statement"))) {
            boolean allows = "Allow".equals(statement.path("Effect").asText());
            boolean assumes = asList(statement.path("Action")).stream()
                    .anyMatch(action -> List.of("sts:AssumeRole", "sts:*", "*").contains(action.asText()));
            boolean lambda = asList(statement.path("Principal").path("Service")).stream()
                    .anyMatch(service -> service.asText().equals("lambda.amazonaws.com"));
            if (allows && assumes && lambda) {
                return true;
            }
        }
        return false;
    }

    private void ensureLogsPolicy(String role, boolean roleExists) {
        String what = "permiso de logs del rol (AWSLambdaBasicExecutionRole)";
        boolean attached = roleExists && iam.listAttachedRolePoliciesPaginator(request -> request.roleName(role))
                .attachedPolicies().stream().map(AttachedPolicy::policyArn).anyMatch(LOGS_POLICY::equals);
        if (attached) {
            changes.unchanged(what);
        } else if (changes.create(what)) {
            iam.attachRolePolicy(request -> request.roleName(role).policyArn(LOGS_POLICY));
        }
    }

    private void ensureBucketPolicy(String role, boolean roleExists, Collection<String> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        String what = "permiso de S3 del rol, solo para " + String.join(", ", buckets);
        String desired = bucketPolicy(buckets);
        Optional<String> current = roleExists ? currentBucketPolicy(role) : Optional.empty();
        if (current.isPresent() && Json.normalize(current.get(), "La política " + S3_POLICY_NAME)
                .equals(Json.normalize(desired, "La política deseada"))) {
            changes.unchanged(what);
            return;
        }
        boolean apply = current.isPresent() ? changes.update(what, "otros buckets") : changes.create(what);
        if (apply) {
            iam.putRolePolicy(request -> request.roleName(role).policyName(S3_POLICY_NAME).policyDocument(desired));
        }
    }

    private Optional<String> currentBucketPolicy(String role) {
        try {
            String encoded = iam.getRolePolicy(request -> request.roleName(role).policyName(S3_POLICY_NAME))
                    .policyDocument();
            return Optional.of(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        } catch (NoSuchEntityException missing) {
            return Optional.empty();
        }
    }

    /** Read, write and list on the named buckets only: the least the exercises' handlers need. */
    static String bucketPolicy(Collection<String> buckets) {
        List<String> objects = new ArrayList<>();
        List<String> bucketArns = new ArrayList<>();
        for (String bucket : buckets) {
            bucketArns.add("arn:aws:s3:::" + bucket);
            objects.add("arn:aws:s3:::" + bucket + "/*");
        }
        Map<String, Object> objectStatement = new LinkedHashMap<>();
        objectStatement.put("Effect", "Allow");
        objectStatement.put("Action", List.of("s3:GetObject", "s3:PutObject"));
        objectStatement.put("Resource", objects);
        Map<String, Object> listStatement = new LinkedHashMap<>();
        listStatement.put("Effect", "Allow");
        listStatement.put("Action", List.of("s3:ListBucket"));
        listStatement.put("Resource", bucketArns);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", List.of(objectStatement, listStatement));
        return Json.MAPPER.valueToTree(policy).toString();
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            items.add(node);
        }
        return items;
    }

    static List<Tag> tagList(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }
}

package dev.lambdaworkbook.deploy;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;

/**
 * Creates or updates the function so it matches the template: code, handler, runtime, memory, timeout, role and
 * environment. Between calls it waits with the SDK's waiters until the function is active and its last update has
 * finished, because Lambda rejects a change while another one is in progress.
 */
final class FunctionDeployer {

    /** Lambda's message while IAM has not yet propagated a new role (or its trust policy) to Lambda. */
    static final String ROLE_NOT_ASSUMABLE = "cannot be assumed by Lambda";
    private static final Duration LONGEST_ROLE_RETRY_DELAY = Duration.ofSeconds(15);
    private static final int CONFLICT_ATTEMPTS = 8;

    /** The package to deploy: its SHA-256 as Lambda reports it (base64) and where Lambda takes it from. */
    record Code(byte[] zip, String sha256Base64, Optional<ArtifactUpload.Location> s3) {
    }

    /** The environment to set, and the names of the variables whose values must never be printed. */
    record Environment(Map<String, String> variables, Set<String> secrets) {
    }

    private final LambdaClient lambda;
    private final Changes changes;
    private final Timing timing;

    FunctionDeployer(LambdaClient lambda, Changes changes, Timing timing) {
        this.lambda = lambda;
        this.changes = changes;
        this.timing = timing;
    }

    /** Returns the function's ARN. */
    String deploy(Names names, FunctionConfig config, String roleArn, Code code, Environment environment,
            String account, String region) {
        String name = names.function();
        Optional<GetFunctionResponse> current = find(name);
        if (current.isEmpty()) {
            String plannedArn = "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
            if (!changes.create("función '" + name + "' (" + config.runtime() + ", " + config.memorySize()
                    + " MB, " + config.timeout() + " s, handler " + config.handler() + ")")) {
                return plannedArn;
            }
            try {
                String arn = create(names, config, roleArn, code, environment);
                waitUntilActive(name);
                return arn;
            } catch (ResourceConflictException createdMeanwhile) {
                // Another run (or a retried request) created it first: update it as if it had been there.
                current = find(name);
                if (current.isEmpty()) {
                    throw createdMeanwhile;
                }
            }
        }
        requireOwned(names, current.get());
        update(names, config, roleArn, code, environment, current.get().configuration());
        return current.get().configuration().functionArn();
    }

    Optional<GetFunctionResponse> find(String name) {
        try {
            return Optional.of(lambda.getFunction(request -> request.functionName(name)));
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        }
    }

    private String create(Names names, FunctionConfig config, String roleArn, Code code,
            Environment environment) {
        return retryWhileRoleNotAssumable(() -> lambda.createFunction(request -> request
                .functionName(names.function())
                .runtime(config.runtime())
                .architecturesWithStrings(config.architecture())
                .role(roleArn)
                .handler(config.handler())
                .memorySize(config.memorySize())
                .timeout(config.timeout())
                .environment(variables -> variables.variables(environment.variables()))
                .code(functionCode(code))
                .description("Ejercicio " + names.exercise() + " del workbook de AWS Lambda, desplegado por deploy.java")
                .tags(names.tags())))
                .functionArn();
    }

    private void update(Names names, FunctionConfig config, String roleArn, Code code, Environment environment,
            FunctionConfiguration current) {
        String name = names.function();
        if (current.state() == State.PENDING || current.lastUpdateStatus() == LastUpdateStatus.IN_PROGRESS) {
            waitUntilUpdated(name);
        }
        boolean newArchitecture = !current.architecturesAsStrings().contains(config.architecture());
        if (!code.sha256Base64().equals(current.codeSha256()) || newArchitecture) {
            if (changes.update("código de la función '" + name + "'", newArchitecture
                    ? "arquitectura " + config.architecture() : "paquete nuevo")) {
                retryOnConflict(name, () -> lambda.updateFunctionCode(request -> {
                    request.functionName(name).architecturesWithStrings(config.architecture());
                    code.s3().ifPresentOrElse(
                            location -> request.s3Bucket(location.bucket()).s3Key(location.key()),
                            () -> request.zipFile(SdkBytes.fromByteArray(code.zip())));
                }));
                waitUntilUpdated(name);
            }
        } else {
            changes.unchanged("código de la función '" + name + "'");
        }

        Map<String, String> currentVariables = current.environment() == null || current.environment().variables() == null
                ? Map.of() : current.environment().variables();
        Map<String, String> merged = new LinkedHashMap<>(currentVariables);
        merged.putAll(environment.variables());
        List<String> differences = differences(config, roleArn, current, currentVariables, merged,
                environment.secrets());
        List<String> kept = currentVariables.keySet().stream()
                .filter(variable -> !environment.variables().containsKey(variable)).toList();
        String what = "configuración de la función '" + name + "'";
        if (differences.isEmpty()) {
            changes.unchanged(what);
        } else if (changes.update(what, String.join("; ", differences))) {
            retryWhileRoleNotAssumable(() -> retryOnConflict(name, () -> lambda.updateFunctionConfiguration(
                    request -> request.functionName(name)
                            .runtime(config.runtime())
                            .role(roleArn)
                            .handler(config.handler())
                            .memorySize(config.memorySize())
                            .timeout(config.timeout())
                            .environment(variables -> variables.variables(merged)))));
            waitUntilUpdated(name);
        }
        if (!kept.isEmpty()) {
            changes.note("Se conservan variables de entorno que la función ya tenía y no están en la plantilla: "
                    + String.join(", ", kept) + ". Bórralas en la consola de Lambda si ya no las usas.");
        }
    }

    private static List<String> differences(FunctionConfig config, String roleArn, FunctionConfiguration current,
            Map<String, String> currentVariables, Map<String, String> merged, Set<String> secrets) {
        List<String> differences = new ArrayList<>();
        compare(differences, "handler", current.handler(), config.handler());
        compare(differences, "runtime", current.runtimeAsString(), config.runtime());
        compare(differences, "memoria (MB)", current.memorySize(), config.memorySize());
        compare(differences, "tiempo máximo (s)", current.timeout(), config.timeout());
        compare(differences, "rol", current.role(), roleArn);
        List<String> changedVariables = merged.keySet().stream()
                .filter(variable -> !Objects.equals(currentVariables.get(variable), merged.get(variable)))
                .map(variable -> secrets.contains(variable) ? variable + " (secreta, valor oculto)"
                        : variable + "='" + merged.get(variable) + "'")
                .toList();
        if (!changedVariables.isEmpty()) {
            differences.add("variables de entorno " + String.join(", ", changedVariables));
        }
        return differences;
    }

    private static void compare(List<String> differences, String field, Object current, Object desired) {
        if (!Objects.equals(current, desired)) {
            differences.add(field + " " + current + " → " + desired);
        }
    }

    private static void requireOwned(Names names, GetFunctionResponse function) {
        if (!names.ownedBy(function.tags())) {
            throw new DeployException(DeployException.FAILED, "Ya existe una función llamada '" + names.function()
                    + "' que no creó deploy.java para el ejercicio " + names.exercise() + " con el prefijo '"
                    + names.prefix() + "' (no tiene sus etiquetas " + Names.TAG_EXERCISE + " y "
                    + Names.TAG_PREFIX + "). Para no pisarla, despliega con otro prefijo: --prefijo OTRO");
        }
    }

    private static FunctionCode functionCode(Code code) {
        return code.s3().map(location -> FunctionCode.builder().s3Bucket(location.bucket()).s3Key(location.key())
                        .build())
                .orElseGet(() -> FunctionCode.builder().zipFile(SdkBytes.fromByteArray(code.zip())).build());
    }

    /**
     * Retries while Lambda reports that it cannot assume the role, which happens for some seconds after IAM
     * creates a role. Other invalid-parameter errors fail at once.
     */
    <T> T retryWhileRoleNotAssumable(Supplier<T> call) {
        Duration waited = Duration.ZERO;
        Duration delay = Duration.ofSeconds(1);
        while (true) {
            try {
                return call.get();
            } catch (InvalidParameterValueException invalid) {
                if (!String.valueOf(invalid.getMessage()).contains(ROLE_NOT_ASSUMABLE)) {
                    throw invalid;
                }
                if (waited.compareTo(timing.rolePropagationLimit()) >= 0) {
                    throw new DeployException(DeployException.FAILED, "Lambda sigue sin poder asumir el rol de "
                            + "ejecución tras " + waited.toSeconds() + " s de reintentos. Comprueba en la consola de "
                            + "IAM que su relación de confianza incluye lambda.amazonaws.com y vuelve a ejecutar el "
                            + "comando.", invalid);
                }
                changes.note("Lambda aún no puede asumir el rol (IAM tarda unos segundos en propagarlo); se "
                        + "reintenta en " + delay.toSeconds() + " s.");
                timing.pause(delay);
                waited = waited.plus(delay);
                delay = delay.multipliedBy(2).compareTo(LONGEST_ROLE_RETRY_DELAY) > 0 ? LONGEST_ROLE_RETRY_DELAY
                        : delay.multipliedBy(2);
            }
        }
    }

    /** Retries a change rejected because another update of the function is still in progress. */
    <T> T retryOnConflict(String name, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ResourceConflictException inProgress) {
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw inProgress;
                }
                changes.note("La función '" + name + "' tiene otra actualización en curso; se espera a que termine "
                        + "y se reintenta.");
                waitUntilUpdated(name);
            }
        }
    }

    void waitUntilActive(String name) {
        try {
            lambda.waiter().waitUntilFunctionActiveV2(request -> request.functionName(name), this::waiterTiming);
        } catch (SdkClientException failed) {
            throw failedState(name, failed);
        }
    }

    void waitUntilUpdated(String name) {
        try {
            lambda.waiter().waitUntilFunctionUpdatedV2(request -> request.functionName(name), this::waiterTiming);
        } catch (SdkClientException failed) {
            throw failedState(name, failed);
        }
    }

    private void waiterTiming(WaiterOverrideConfiguration.Builder waiter) {
        waiter.backoffStrategyV2(BackoffStrategy.fixedDelay(timing.waiterPoll()))
                .maxAttempts(Math.max(10, (int) (Duration.ofMinutes(5).toMillis() / Math.max(1, timing.waiterPoll()
                        .toMillis()))));
    }

    private DeployException failedState(String name, SdkClientException failed) {
        FunctionConfiguration configuration = lambda.getFunction(request -> request.functionName(name)).configuration();
        String reason = configuration.lastUpdateStatusReason() != null ? configuration.lastUpdateStatusReason()
                : configuration.stateReason();
        return new DeployException(DeployException.FAILED, "La función '" + name + "' no ha quedado lista (estado "
                + configuration.stateAsString() + ", última actualización " + configuration.lastUpdateStatusAsString()
                + "): " + reason, failed);
    }
}

package dev.lambdaworkbook.deploy;

import dev.lambdaworkbook.kit.config.EnvironmentValue;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.TemplateException;
import dev.lambdaworkbook.kit.config.TemplateReader;
import dev.lambdaworkbook.kit.config.Trigger;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** One run of deploy.java: reads the exercise's template, then deploys it (or plans, or destroys it). */
public final class Deployer {

    private final Path repository;
    private final Timing timing;
    private final PrintStream out;
    private final Function<String, String> localEnvironment;

    /**
     * @param repository the workbook's root folder (where {@code exercises/} and {@code events/} are)
     * @param localEnvironment the student's environment variables, where secret template parameters come from
     */
    public Deployer(Path repository, Timing timing, PrintStream out, Function<String, String> localEnvironment) {
        this.repository = repository;
        this.timing = timing;
        this.out = out;
        this.localEnvironment = localEnvironment;
    }

    /**
     * Runs the command; returns the exit code.
     *
     * @throws DeployException for a failure the student can act on
     */
    public int run(Options options) {
        Path module = repository.resolve(options.module());
        if (!Files.isDirectory(module)) {
            throw new DeployException(DeployException.USAGE, "No existe la carpeta '" + options.module()
                    + "'. Ejecuta el comando desde la raíz del workbook e indica un ejercicio que exista, por ejemplo 07.");
        }
        FunctionConfig config = readTemplate(options, module);
        Names names = new Names(options.prefix(), options.exercise(), config.functionName());
        Changes changes = new Changes(options.plan(), out);
        if (options.destroy()) {
            return destroy(options, config, names, changes);
        }
        config.triggers(Trigger.Schedule.class).forEach(ScheduleTrigger::validate);
        FunctionDeployer.Environment environment = environment(config, names);
        for (Trigger.S3 trigger : config.triggers(Trigger.S3.class)) {
            S3Trigger.rejectSelfTrigger(trigger, names.bucket(trigger.bucket()), environment.variables());
        }
        Path zip = new Packaging(repository, out).build(options.module(), config, options.skipBuild());
        try (AwsClients aws = AwsClients.create(options.profile(), options.region(), options.endpoint(), timing)) {
            String account = aws.sts().getCallerIdentity().account();
            header(options, names, changes, account, aws.region());
            String functionArn = deploy(options, config, names, changes, environment, zip, aws, account);
            return finish(options, config, names, changes, aws, functionArn);
        }
    }

    private FunctionConfig readTemplate(Options options, Path module) {
        Path template = module.resolve("template.yaml");
        if (!Files.isRegularFile(template)) {
            template = repository.resolve("exercises").resolve(options.exercise()).resolve("template.yaml");
        }
        try {
            return TemplateReader.read(template);
        } catch (TemplateException invalid) {
            throw new DeployException(DeployException.USAGE, invalid.getMessage(), invalid);
        }
    }

    private int destroy(Options options, FunctionConfig config, Names names, Changes changes) {
        try (AwsClients aws = AwsClients.create(options.profile(), options.region(), options.endpoint(), timing)) {
            String account = aws.sts().getCallerIdentity().account();
            header(options, names, changes, account, aws.region());
            new Destroyer(aws, changes, timing).destroy(names, config, account);
            return 0;
        }
    }

    private void header(Options options, Names names, Changes changes, String account, String region) {
        changes.step("Ejercicio " + options.exercise() + ": función '" + names.function() + "', cuenta " + account
                + ", región " + region + ", prefijo '" + names.prefix() + "'"
                + options.endpoint().map(endpoint -> ", endpoint " + endpoint).orElse(""));
        if (options.plan()) {
            changes.step("Plan: esto es lo que " + (options.destroy() ? "se borraría" : "cambiaría")
                    + ". No se llama a ninguna API de escritura.");
        }
    }

    private String deploy(Options options, FunctionConfig config, Names names, Changes changes,
            FunctionDeployer.Environment environment, Path zip, AwsClients aws, String account) {
        Buckets buckets = new Buckets(aws.s3(), changes, aws.region());
        List<String> deployedBuckets = config.buckets().values().stream().map(names::bucket).toList();
        if (!deployedBuckets.isEmpty()) {
            changes.step("Buckets de la plantilla:");
            deployedBuckets.forEach(bucket -> buckets.ensure(bucket, "bucket", names.tags()));
        }
        changes.step("Rol de ejecución:");
        String roleArn = new ExecutionRole(aws.iam(), changes, timing).ensure(names, account, deployedBuckets);

        changes.step("Código:");
        byte[] bytes = read(zip);
        byte[] digest = sha256(bytes);
        boolean viaS3 = options.uploadViaS3() || bytes.length > Packaging.DIRECT_UPLOAD_LIMIT;
        if (viaS3 && !options.uploadViaS3()) {
            changes.note("El paquete ocupa " + PackageCheck.size(bytes.length) + ", más de los 50 MB "
                    + "que Lambda acepta en la propia petición: se sube a S3.");
        }
        Optional<ArtifactUpload.Location> location = viaS3
                ? Optional.of(new ArtifactUpload(aws.s3(), buckets, changes).upload(zip,
                        HexFormat.of().formatHex(digest), names, account, aws.region()))
                : Optional.empty();
        if (!viaS3) {
            changes.note("Paquete " + repository.relativize(zip) + " (" + PackageCheck.size(bytes.length)
                    + "): se envía en la propia petición a Lambda (con --subir-por-s3 pasa por un bucket).");
        }

        changes.step("Función:");
        FunctionDeployer.Code code = new FunctionDeployer.Code(bytes, Base64.getEncoder().encodeToString(digest),
                location);
        String functionArn = new FunctionDeployer(aws.lambda(), changes, timing)
                .deploy(names, config, roleArn, code, environment, account, aws.region());

        triggers(config, names, changes, aws, account, functionArn);
        return functionArn;
    }

    private void triggers(FunctionConfig config, Names names, Changes changes, AwsClients aws, String account,
            String functionArn) {
        if (config.triggers().isEmpty()) {
            return;
        }
        changes.step("Disparadores:");
        Permissions permissions = new Permissions(aws.lambda(), changes);
        for (Trigger.Schedule schedule : config.triggers(Trigger.Schedule.class)) {
            new ScheduleTrigger(aws.events(), permissions, changes)
                    .ensure(schedule, names, functionArn, account, aws.region());
        }
        for (Trigger.S3 trigger : config.triggers(Trigger.S3.class)) {
            new S3Trigger(aws.s3(), permissions, changes)
                    .ensure(trigger, names, names.bucket(trigger.bucket()), functionArn, account);
        }
        List<Trigger.Api> routes = config.triggers(Trigger.Api.class);
        if (!routes.isEmpty()) {
            List<String> urls = new ApiTrigger(aws.apiGateway(), permissions, changes)
                    .ensure(routes, names, functionArn, account, aws.region());
            String query = Invocation.sampleQuery(repository);
            urls.forEach(url -> changes.note("URL de invocación: " + url
                    + (query.isEmpty() || changes.plan() ? "" : "\n    Pruébala: curl '" + url + "?" + query + "'")));
        }
    }

    private int finish(Options options, FunctionConfig config, Names names, Changes changes, AwsClients aws,
            String functionArn) {
        boolean succeeded = true;
        if (!options.skipInvoke()) {
            Path eventFile = options.event().map(repository::resolve)
                    .orElseGet(() -> Invocation.defaultEvent(repository, config));
            Optional<String> bucket = config.triggers(Trigger.S3.class).stream().findFirst()
                    .map(trigger -> names.bucket(trigger.bucket()));
            succeeded = new Invocation(aws.lambda(), changes).invoke(names.function(), eventFile,
                    Invocation.event(eventFile, bucket));
            bucket.ifPresent(name -> changes.note("El evento de ejemplo nombra un objeto que quizá no exista en "
                    + name + ". Para probar el disparador de verdad, sube un fichero que cumpla su filtro:\n    aws s3 cp "
                    + "FICHERO s3://" + name + "/" + config.triggers(Trigger.S3.class).get(0).prefix()));
        }
        if (options.plan()) {
            changes.step(changes.count() == 0 ? "Plan: todo está ya desplegado; no cambiaría nada."
                    : "Plan: " + changes.count() + " cambio(s). Ejecuta el mismo comando sin --plan para aplicarlos.");
        } else {
            changes.step("Listo: " + (changes.count() == 0 ? "no había nada que cambiar." : changes.count()
                    + " cambio(s) aplicados.") + " Función " + functionArn);
            changes.step(costWarning(options, config));
        }
        return succeeded ? 0 : DeployException.FUNCTION_ERROR;
    }

    private static String costWarning(Options options, FunctionConfig config) {
        StringBuilder warning = new StringBuilder("Coste: hasta que lo borres, ");
        if (!config.triggers(Trigger.Schedule.class).isEmpty()) {
            warning.append("la regla programada sigue invocando la función (cada invocación cuenta en la factura), ");
        }
        if (!config.triggers(Trigger.Api.class).isEmpty()) {
            warning.append("la API es pública y cualquiera con la URL puede invocarla, ");
        }
        if (!config.buckets().isEmpty() || options.uploadViaS3()) {
            warning.append("los buckets guardan (y facturan) sus objetos, ");
        }
        warning.append("y los logs de CloudWatch se acumulan. Cuando termines:\n    ")
                .append(destroyCommand(options));
        return warning.toString();
    }

    /** Returns the command that removes this deployment: the same exercise, prefix, profile, region and endpoint. */
    static String destroyCommand(Options options) {
        StringBuilder command = new StringBuilder("./jbang deploy.java ").append(options.exercise());
        if (!options.prefix().equals(Options.defaultPrefix(System.getProperty("user.name")))) {
            command.append(" --prefijo ").append(options.prefix());
        }
        options.profile().ifPresent(profile -> command.append(" --perfil ").append(profile));
        options.region().ifPresent(region -> command.append(" --region ").append(region));
        options.endpoint().ifPresent(endpoint -> command.append(" --endpoint-url ").append(endpoint));
        return command.append(" --destruir").toString();
    }

    /**
     * Resolves the template's environment: secret parameters from the student's environment, and the template's
     * bucket names replaced by the deployed (prefixed) ones.
     */
    private FunctionDeployer.Environment environment(FunctionConfig config, Names names) {
        Map<String, String> resolved;
        try {
            resolved = config.resolveEnvironment(localEnvironment);
        } catch (TemplateException missing) {
            throw new DeployException(DeployException.USAGE, missing.getMessage(), missing);
        }
        Set<String> templateBuckets = new LinkedHashSet<>(config.buckets().values());
        Map<String, String> variables = new LinkedHashMap<>();
        resolved.forEach((name, value) -> variables.put(name,
                templateBuckets.contains(value) ? names.bucket(value) : value));
        Set<String> secrets = new LinkedHashSet<>();
        config.environment().forEach((name, value) -> {
            if (value instanceof EnvironmentValue.ParameterRef reference && reference.secret()) {
                secrets.add(name);
            }
        });
        return new FunctionDeployer.Environment(variables, secrets);
    }

    private static byte[] read(Path zip) {
        try {
            return Files.readAllBytes(zip);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("No se puede leer el paquete '" + zip + "'", unreadable);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("La JVM no tiene SHA-256", missing);
        }
    }
}

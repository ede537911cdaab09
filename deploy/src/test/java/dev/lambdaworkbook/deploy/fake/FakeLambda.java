package dev.lambdaworkbook.deploy.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's REST-JSON API (version 2015-03-31). A new function is {@code Pending} for its first read and an update
 * is {@code InProgress} for the next read, so the script must wait with the SDK waiters; a change while an update
 * is in progress is rejected with 409, as Lambda does.
 */
public final class FakeLambda {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FUNCTION_PATH = Pattern.compile(
            "/2015-03-31/functions(?:/([^/]+)(?:/(configuration|code|policy|invocations)(?:/([^/]+))?)?)?");

    /** A function as Lambda stores it. */
    public static final class Function {
        final ObjectNode configuration;
        final Map<String, String> tags = new TreeMap<>();
        final Map<String, ObjectNode> statements = new LinkedHashMap<>();
        int pendingReads;
        int updateReads;
        byte[] zip;

        Function(ObjectNode configuration) {
            this.configuration = configuration;
        }

        public JsonNode configuration() {
            return configuration;
        }

        public Map<String, String> tags() {
            return tags;
        }

        public Set<String> statementIds() {
            return statements.keySet();
        }

        public JsonNode statement(String id) {
            return statements.get(id);
        }

        public Map<String, String> environment() {
            Map<String, String> variables = new TreeMap<>();
            configuration.path("Environment").path("Variables").fields()
                    .forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue().asText()));
            return variables;
        }
    }

    private final FakeAws fake;
    private final Map<String, Function> functions = new TreeMap<>();
    private UnaryOperator<String> handler = event -> "\"ok\"";
    private boolean handlerFails;

    FakeLambda(FakeAws fake) {
        this.fake = fake;
    }

    public synchronized Set<String> functionNames() {
        return Set.copyOf(functions.keySet());
    }

    public synchronized Function function(String name) {
        return functions.get(name);
    }

    /** Sets what an invocation returns; {@code fails} makes it a function error ({@code Unhandled}). */
    public synchronized void respondWith(UnaryOperator<String> handler, boolean fails) {
        this.handler = handler;
        this.handlerFails = fails;
    }

    /** Creates a function outside the script, as someone would in the console. */
    public synchronized void putFunction(String name, Map<String, String> tags) {
        ObjectNode configuration = JSON.createObjectNode();
        configuration.put("FunctionName", name).put("FunctionArn", arn("eu-west-1", name)).put("State", "Active")
                .put("LastUpdateStatus", "Successful").put("Runtime", "java21").put("Handler", "x.Y")
                .put("CodeSha256", "");
        Function function = new Function(configuration);
        function.tags.putAll(tags);
        functions.put(name, function);
    }

    synchronized boolean allowsS3(String functionArn, String bucket) {
        return functions.values().stream()
                .filter(function -> function.configuration.path("FunctionArn").asText().equals(functionArn))
                .flatMap(function -> function.statements.values().stream())
                .anyMatch(statement -> "s3.amazonaws.com".equals(statement.path("Principal").path("Service").asText())
                        && ("arn:aws:s3:::" + bucket).equals(
                                statement.path("Condition").path("ArnLike").path("AWS:SourceArn").asText()));
    }

    synchronized void handle(Request request) {
        Matcher path = FUNCTION_PATH.matcher(request.path());
        if (!path.matches()) {
            error(request, "Unknown", 404, "UnknownOperationException", "Ruta no simulada: " + request.path());
            return;
        }
        String name = path.group(1) == null ? null : Request.decodePath(path.group(1));
        String operation = operation(request.method(), path.group(2), path.group(3) != null);
        FakeAws.Fault fault = fake.nextFault("lambda", operation);
        if (fault != null) {
            fail(request, operation, fault, name);
            return;
        }
        if (operation.equals("CreateFunction")) {
            create(request);
            return;
        }
        Function function = functions.get(name);
        if (function == null) {
            error(request, operation, 404, "ResourceNotFoundException", "Function not found: "
                    + arn(request.region(), name));
            return;
        }
        switch (operation) {
            case "GetFunction" -> {
                ObjectNode response = JSON.createObjectNode();
                response.set("Configuration", read(function));
                response.putObject("Code").put("RepositoryType", "S3").put("Location", "https://example.invalid/code");
                ObjectNode tags = response.putObject("Tags");
                function.tags.forEach(tags::put);
                ok(request, operation, 200, response);
            }
            case "GetFunctionConfiguration" -> ok(request, operation, 200, read(function));
            case "UpdateFunctionCode" -> updateCode(request, function);
            case "UpdateFunctionConfiguration" -> updateConfiguration(request, function);
            case "DeleteFunction" -> {
                functions.remove(name);
                ok(request, operation, 204, null);
            }
            case "AddPermission" -> addPermission(request, function);
            case "GetPolicy" -> getPolicy(request, function);
            case "RemovePermission" -> {
                if (function.statements.remove(Request.decodePath(path.group(3))) == null) {
                    error(request, operation, 404, "ResourceNotFoundException",
                            "The resource you requested does not exist.");
                    return;
                }
                ok(request, operation, 204, null);
            }
            case "Invoke" -> invoke(request);
            default -> error(request, operation, 404, "UnknownOperationException", "Operación no simulada");
        }
    }

    private static String operation(String method, String child, boolean hasId) {
        if (child == null) {
            return switch (method) {
                case "POST" -> "CreateFunction";
                case "DELETE" -> "DeleteFunction";
                default -> "GetFunction";
            };
        }
        return switch (child) {
            case "configuration" -> method.equals("PUT") ? "UpdateFunctionConfiguration" : "GetFunctionConfiguration";
            case "code" -> "UpdateFunctionCode";
            case "invocations" -> "Invoke";
            default -> {
                if (method.equals("POST")) {
                    yield "AddPermission";
                }
                yield hasId ? "RemovePermission" : "GetPolicy";
            }
        };
    }

    private void create(Request request) {
        JsonNode body = parse(request);
        String name = body.path("FunctionName").asText();
        if (functions.containsKey(name)) {
            error(request, "CreateFunction", 409, "ResourceConflictException", "Function already exist: " + name);
            return;
        }
        if (!fake.iam().trustsLambda(body.path("Role").asText())) {
            roleNotAssumable(request, "CreateFunction");
            return;
        }
        byte[] zip = code(request, "CreateFunction", body.path("Code"));
        if (zip == null) {
            return;
        }
        ObjectNode configuration = JSON.createObjectNode();
        configuration.put("FunctionName", name).put("FunctionArn", arn(request.region(), name));
        copyConfiguration(body, configuration);
        configuration.put("Version", "$LATEST").put("PackageType", "Zip").put("State", "Pending")
                .put("StateReason", "The function is being created.").put("StateReasonCode", "Creating")
                .put("LastUpdateStatus", "Successful");
        configuration.set("Architectures", body.has("Architectures") ? body.get("Architectures")
                : JSON.createArrayNode().add("x86_64"));
        Function function = new Function(configuration);
        function.pendingReads = 1;
        setCode(function, zip);
        body.path("Tags").fields().forEachRemaining(tag -> function.tags.put(tag.getKey(), tag.getValue().asText()));
        functions.put(name, function);
        ok(request, "CreateFunction", 201, configuration.deepCopy());
    }

    private void updateCode(Request request, Function function) {
        if (inProgress(request, "UpdateFunctionCode", function)) {
            return;
        }
        JsonNode body = parse(request);
        byte[] zip = code(request, "UpdateFunctionCode", body);
        if (zip == null) {
            return;
        }
        setCode(function, zip);
        if (body.has("Architectures")) {
            function.configuration.set("Architectures", body.get("Architectures"));
        }
        startUpdate(function);
        ok(request, "UpdateFunctionCode", 200, function.configuration.deepCopy());
    }

    private void updateConfiguration(Request request, Function function) {
        if (inProgress(request, "UpdateFunctionConfiguration", function)) {
            return;
        }
        JsonNode body = parse(request);
        if (body.has("Role") && !fake.iam().trustsLambda(body.path("Role").asText())) {
            roleNotAssumable(request, "UpdateFunctionConfiguration");
            return;
        }
        copyConfiguration(body, function.configuration);
        startUpdate(function);
        ok(request, "UpdateFunctionConfiguration", 200, function.configuration.deepCopy());
    }

    private boolean inProgress(Request request, String operation, Function function) {
        if (function.pendingReads > 0 || function.updateReads > 0) {
            conflict(request, operation, function.configuration.path("FunctionArn").asText());
            return true;
        }
        return false;
    }

    private static void startUpdate(Function function) {
        function.updateReads = 1;
        function.configuration.put("LastUpdateStatus", "InProgress");
    }

    /** Returns the configuration as a read returns it, then moves a pending state on by one read. */
    private static ObjectNode read(Function function) {
        ObjectNode snapshot = function.configuration.deepCopy();
        if (function.pendingReads > 0 && --function.pendingReads == 0) {
            function.configuration.put("State", "Active");
            function.configuration.remove("StateReason");
            function.configuration.remove("StateReasonCode");
        } else if (function.updateReads > 0 && --function.updateReads == 0) {
            function.configuration.put("LastUpdateStatus", "Successful");
        }
        return snapshot;
    }

    private static void copyConfiguration(JsonNode body, ObjectNode configuration) {
        for (String field : new String[] {"Runtime", "Role", "Handler", "Description", "Timeout", "MemorySize"}) {
            if (body.has(field)) {
                configuration.set(field, body.get(field));
            }
        }
        if (body.has("Environment")) {
            configuration.set("Environment", body.get("Environment"));
        }
    }

    private byte[] code(Request request, String operation, JsonNode code) {
        if (code.hasNonNull("ZipFile")) {
            return Base64.getDecoder().decode(code.get("ZipFile").asText());
        }
        byte[] object = fake.s3().object(code.path("S3Bucket").asText(), code.path("S3Key").asText());
        if (object == null) {
            error(request, operation, 400, "InvalidParameterValueException", "Error occurred while GetObject. "
                    + "S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.");
        }
        return object;
    }

    private static void setCode(Function function, byte[] zip) {
        function.zip = zip;
        try {
            function.configuration.put("CodeSha256", Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(zip)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        function.configuration.put("CodeSize", zip.length);
    }

    private void addPermission(Request request, Function function) {
        JsonNode body = parse(request);
        String id = body.path("StatementId").asText();
        if (function.statements.containsKey(id)) {
            error(request, "AddPermission", 409, "ResourceConflictException", "The statement id (" + id
                    + ") provided already exists. Please provide a new statement id, or remove the existing statement.");
            return;
        }
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", id).put("Effect", "Allow");
        statement.putObject("Principal").put("Service", body.path("Principal").asText());
        statement.put("Action", body.path("Action").asText())
                .put("Resource", function.configuration.path("FunctionArn").asText());
        ObjectNode condition = statement.putObject("Condition");
        if (body.has("SourceAccount")) {
            condition.putObject("StringEquals").put("AWS:SourceAccount", body.path("SourceAccount").asText());
        }
        if (body.has("SourceArn")) {
            condition.putObject("ArnLike").put("AWS:SourceArn", body.path("SourceArn").asText());
        }
        function.statements.put(id, statement);
        ObjectNode response = JSON.createObjectNode();
        response.put("Statement", statement.toString());
        ok(request, "AddPermission", 201, response);
    }

    private void getPolicy(Request request, Function function) {
        if (function.statements.isEmpty()) {
            error(request, "GetPolicy", 404, "ResourceNotFoundException", "The resource you requested does not exist.");
            return;
        }
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17").put("Id", "default");
        ArrayNode statements = policy.putArray("Statement");
        function.statements.values().forEach(statements::add);
        ObjectNode response = JSON.createObjectNode();
        response.put("Policy", policy.toString()).put("RevisionId", UUID.randomUUID().toString());
        ok(request, "GetPolicy", 200, response);
    }

    private void invoke(Request request) {
        String requestId = UUID.randomUUID().toString();
        String log = "START RequestId: " + requestId + " Version: $LATEST\nevento recibido\nEND RequestId: "
                + requestId + "\nREPORT RequestId: " + requestId
                + "\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 85 MB\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("X-Amz-Log-Result", Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8)));
        if (handlerFails) {
            headers.put("X-Amz-Function-Error", "Unhandled");
        }
        fake.record("lambda", "Invoke", 200);
        FakeHttp.send(request.exchange(), 200, "application/json", handler.apply(request.text()), headers);
    }

    private void fail(Request request, String operation, FakeAws.Fault fault, String name) {
        switch (fault) {
            case DROP_CONNECTION -> {
                fake.record("lambda", operation, 0);
                FakeHttp.drop(request.exchange());
            }
            case THROTTLE -> error(request, operation, 429, "TooManyRequestsException", "Rate exceeded");
            case CONFLICT -> conflict(request, operation, arn(request.region(), name));
            case ROLE_NOT_ASSUMABLE -> roleNotAssumable(request, operation);
            case ACCESS_DENIED -> error(request, operation, 403, "AccessDeniedException", "User: arn:aws:iam::"
                    + FakeAws.ACCOUNT + ":user/alumno is not authorized to perform: iam:PassRole on resource: "
                    + "arn:aws:iam::" + FakeAws.ACCOUNT + ":role/ana-suma-rol");
        }
    }

    private void conflict(Request request, String operation, String arn) {
        error(request, operation, 409, "ResourceConflictException", "The operation cannot be performed at this time. "
                + "An update is in progress for resource: " + arn);
    }

    private void roleNotAssumable(Request request, String operation) {
        error(request, operation, 400, "InvalidParameterValueException",
                "The role defined for the function cannot be assumed by Lambda.");
    }

    static String arn(String region, String name) {
        return "arn:aws:lambda:" + region + ":" + FakeAws.ACCOUNT + ":function:" + name;
    }

    private static JsonNode parse(Request request) {
        try {
            return request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (java.io.IOException invalid) {
            throw new IllegalArgumentException("JSON no válido", invalid);
        }
    }

    private void ok(Request request, String operation, int status, JsonNode body) {
        fake.record("lambda", operation, status);
        FakeHttp.send(request.exchange(), status, "application/json", body == null ? "" : body.toString(), Map.of());
    }

    private void error(Request request, String operation, int status, String code, String message) {
        fake.record("lambda", operation, status);
        ObjectNode body = JSON.createObjectNode();
        body.put("Type", "User").put("message", message);
        FakeHttp.send(request.exchange(), status, "application/json", body.toString(),
                Map.of("x-amzn-ErrorType", code));
    }
}

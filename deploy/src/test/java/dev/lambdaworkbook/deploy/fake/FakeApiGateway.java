package dev.lambdaworkbook.deploy.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** API Gateway's REST-JSON API for REST APIs: resources, methods, integrations, deployments and stages. */
public final class FakeApiGateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/restapis(?:/([^/]+)(?:/(resources|deployments|stages)"
            + "(?:/([^/]+)(?:/methods/([^/]+)(/integration)?)?)?)?)?");

    /** A REST API as API Gateway stores it. */
    public static final class Api {
        final String id;
        final String name;
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, ObjectNode> resources = new LinkedHashMap<>();
        final Set<String> stages = new LinkedHashSet<>();
        int deployments;

        Api(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public String id() {
            return id;
        }

        public Set<String> stages() {
            return stages;
        }

        public int deployments() {
            return deployments;
        }

        /** Returns the resource at a path, such as {@code /suma}, with its methods; null when absent. */
        public JsonNode resource(String path) {
            return resources.values().stream().filter(resource -> path.equals(resource.path("path").asText()))
                    .findFirst().orElse(null);
        }
    }

    private final FakeAws fake;
    private final Map<String, Api> apis = new TreeMap<>();
    private int nextId;

    FakeApiGateway(FakeAws fake) {
        this.fake = fake;
    }

    public synchronized Set<String> apiNames() {
        Set<String> names = new LinkedHashSet<>();
        apis.values().forEach(api -> names.add(api.name));
        return names;
    }

    public synchronized Api api(String name) {
        return apis.values().stream().filter(api -> api.name.equals(name)).findFirst().orElse(null);
    }

    synchronized void handle(Request request) {
        Matcher path = PATH.matcher(request.path());
        if (!path.matches()) {
            error(request, "Unknown", 404, "NotFoundException", "Invalid path: " + request.path());
            return;
        }
        String operation = operation(request.method(), path);
        FakeAws.Fault fault = fake.nextFault("apigateway", operation);
        if (fault == FakeAws.Fault.DROP_CONNECTION) {
            fake.record("apigateway", operation, 0);
            FakeHttp.drop(request.exchange());
            return;
        }
        if (fault == FakeAws.Fault.ACCESS_DENIED) {
            error(request, operation, 403, "AccessDeniedException", "User is not authorized to access this resource");
            return;
        }
        if (fault != null) {
            error(request, operation, 429, "TooManyRequestsException", "Too Many Requests");
            return;
        }

        if (operation.equals("GetRestApis")) {
            ObjectNode response = JSON.createObjectNode();
            ArrayNode items = response.putArray("item");
            apis.values().forEach(api -> items.add(apiJson(api)));
            ok(request, operation, 200, response);
            return;
        }
        if (operation.equals("CreateRestApi")) {
            JsonNode body = parse(request);
            Api api = new Api("api" + (++nextId) + "x7k2", body.path("name").asText());
            body.path("tags").fields().forEachRemaining(tag -> api.tags.put(tag.getKey(), tag.getValue().asText()));
            ObjectNode root = JSON.createObjectNode().put("id", "root" + nextId).put("path", "/");
            api.resources.put(root.path("id").asText(), root);
            apis.put(api.id, api);
            ok(request, operation, 201, apiJson(api).put("rootResourceId", root.path("id").asText()));
            return;
        }

        Api api = apis.get(path.group(1));
        if (api == null) {
            error(request, operation, 404, "NotFoundException", "Invalid API identifier specified "
                    + FakeAws.ACCOUNT + ":" + path.group(1));
            return;
        }

        switch (operation) {
            case "DeleteRestApi" -> {
                apis.remove(api.id);
                ok(request, operation, 202, null);
            }
            case "GetResources" -> {
                ObjectNode response = JSON.createObjectNode();
                ArrayNode items = response.putArray("item");
                api.resources.values().forEach(items::add);
                ok(request, operation, 200, response);
            }
            case "CreateResource" -> createResource(request, api, path.group(3));
            case "PutMethod", "PutIntegration" -> putMethod(request, operation, api, path.group(3), path.group(4));
            case "CreateDeployment" -> {
                api.deployments++;
                api.stages.add(parse(request).path("stageName").asText());
                ok(request, operation, 201, JSON.createObjectNode().put("id", "dep" + api.deployments));
            }
            case "GetStage" -> {
                if (!api.stages.contains(path.group(3))) {
                    error(request, operation, 404, "NotFoundException", "Invalid stage identifier specified");
                    return;
                }
                ok(request, operation, 200, JSON.createObjectNode().put("stageName", path.group(3))
                        .put("deploymentId", "dep" + api.deployments));
            }
            default -> error(request, operation, 404, "NotFoundException", "Operación no simulada: " + operation);
        }
    }

    private static String operation(String method, Matcher path) {
        if (path.group(1) == null) {
            return method.equals("POST") ? "CreateRestApi" : "GetRestApis";
        }
        if (path.group(2) == null) {
            return method.equals("DELETE") ? "DeleteRestApi" : "GetRestApi";
        }
        return switch (path.group(2)) {
            case "deployments" -> "CreateDeployment";
            case "stages" -> "GetStage";
            default -> {
                if (path.group(5) != null) {
                    yield method.equals("PUT") ? "PutIntegration" : "GetIntegration";
                }
                if (path.group(4) != null) {
                    yield method.equals("PUT") ? "PutMethod" : "GetMethod";
                }
                yield method.equals("POST") ? "CreateResource" : "GetResources";
            }
        };
    }

    private void createResource(Request request, Api api, String parentId) {
        ObjectNode parent = api.resources.get(parentId);
        if (parent == null) {
            error(request, "CreateResource", 404, "NotFoundException", "Invalid Resource identifier specified");
            return;
        }
        String pathPart = parse(request).path("pathPart").asText();
        String path = ("/".equals(parent.path("path").asText()) ? "" : parent.path("path").asText()) + "/" + pathPart;
        if (api.resource(path) != null) {
            error(request, "CreateResource", 409, "ConflictException", "Another resource with the same parent "
                    + "already has this name: " + pathPart);
            return;
        }
        ObjectNode resource = JSON.createObjectNode().put("id", "res" + (api.resources.size() + 1))
                .put("parentId", parentId).put("pathPart", pathPart).put("path", path);
        api.resources.put(resource.path("id").asText(), resource);
        ok(request, "CreateResource", 201, resource);
    }

    private void putMethod(Request request, String operation, Api api, String resourceId, String httpMethod) {
        ObjectNode resource = api.resources.get(resourceId);
        if (resource == null) {
            error(request, operation, 404, "NotFoundException", "Invalid Resource identifier specified");
            return;
        }
        JsonNode body = parse(request);
        ObjectNode methods = resource.has("resourceMethods") ? (ObjectNode) resource.get("resourceMethods")
                : resource.putObject("resourceMethods");
        if (operation.equals("PutMethod")) {
            if (methods.has(httpMethod)) {
                error(request, operation, 409, "ConflictException", "Method already exists for this resource");
                return;
            }
            ObjectNode method = methods.putObject(httpMethod).put("httpMethod", httpMethod)
                    .put("authorizationType", body.path("authorizationType").asText());
            ok(request, operation, 201, method);
            return;
        }
        if (!methods.has(httpMethod)) {
            error(request, operation, 404, "NotFoundException", "Invalid Method identifier specified");
            return;
        }
        ObjectNode integration = ((ObjectNode) methods.get(httpMethod)).putObject("methodIntegration")
                .put("type", body.path("type").asText()).put("httpMethod", body.path("httpMethod").asText())
                .put("uri", body.path("uri").asText());
        ok(request, operation, 201, integration);
    }

    private static ObjectNode apiJson(Api api) {
        ObjectNode json = JSON.createObjectNode().put("id", api.id).put("name", api.name)
                .put("createdDate", 1_773_910_800);
        ObjectNode tags = json.putObject("tags");
        api.tags.forEach(tags::put);
        json.putObject("endpointConfiguration").putArray("types").add("REGIONAL");
        return json;
    }

    private static JsonNode parse(Request request) {
        try {
            return request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (IOException invalid) {
            throw new IllegalArgumentException("JSON no válido", invalid);
        }
    }

    private void ok(Request request, String operation, int status, JsonNode body) {
        fake.record("apigateway", operation, status);
        FakeHttp.send(request.exchange(), status, "application/json", body == null ? "" : body.toString(), Map.of());
    }

    private void error(Request request, String operation, int status, String code, String message) {
        fake.record("apigateway", operation, status);
        FakeHttp.send(request.exchange(), status, "application/json",
                JSON.createObjectNode().put("message", message).toString(), Map.of("x-amzn-ErrorType", code));
    }
}

package dev.lambdaworkbook.deploy;

import dev.lambdaworkbook.kit.config.Trigger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * An API Gateway REST API with one resource per template route, each method sending the whole request to the
 * function (Lambda proxy integration), deployed to one stage.
 */
final class ApiTrigger {

    /** The stage SAM creates for an implicit API, so the URL matches what students see with SAM. */
    static final String STAGE = "Prod";

    private final ApiGatewayClient apiGateway;
    private final Permissions permissions;
    private final Changes changes;

    ApiTrigger(ApiGatewayClient apiGateway, Permissions permissions, Changes changes) {
        this.apiGateway = apiGateway;
        this.permissions = permissions;
        this.changes = changes;
    }

    /** Ensures the API and its routes; returns the invoke URL of each route, in template order. */
    List<String> ensure(List<Trigger.Api> routes, Names names, String functionArn, String account, String region) {
        Optional<RestApi> existing = find(apiGateway, names);
        String apiName = names.api();
        String apiId;
        if (existing.isPresent()) {
            apiId = existing.get().id();
            changes.unchanged("API REST '" + apiName + "' (" + apiId + ")");
        } else if (changes.create("API REST '" + apiName + "' (regional)")) {
            apiId = apiGateway.createRestApi(request -> request.name(apiName)
                    .description("API de " + names.function() + " (deploy.java)")
                    .endpointConfiguration(endpoint -> endpoint.types(EndpointType.REGIONAL))
                    .tags(names.tags())).id();
        } else {
            apiId = "<id>";
        }

        boolean changed = existing.isEmpty();
        Map<String, Resource> resources = new HashMap<>();
        if (!changes.plan() || existing.isPresent()) {
            for (Resource resource : resources(apiId)) {
                resources.put(resource.path(), resource);
            }
        }
        String integrationUri = "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn
                + "/invocations";
        for (Trigger.Api route : routes) {
            changed |= ensureRoute(apiId, resources, route, integrationUri);
        }
        ensureDeployment(apiId, apiName, changed);

        List<String> urls = routes.stream().map(route -> invokeUrl(apiId, region, route.path())).toList();
        String finalApiId = apiId;
        for (Trigger.Api route : routes) {
            String method = httpMethod(route);
            String sourceArn = "arn:aws:execute-api:" + region + ":" + account + ":" + finalApiId + "/*/"
                    + ("ANY".equals(method) ? "*" : method) + route.path().replaceAll("\\{[^}]+}", "*");
            permissions.allow(names.function(), names.statementId(route.name()), "apigateway.amazonaws.com",
                    sourceArn, Optional.empty());
        }
        return urls;
    }

    static Optional<RestApi> find(ApiGatewayClient apiGateway, Names names) {
        return apiGateway.getRestApisPaginator(request -> request.limit(500)).items().stream()
                .filter(api -> names.api().equals(api.name()) && names.ownedBy(api.tags()))
                .findFirst();
    }

    private List<Resource> resources(String apiId) {
        return apiGateway.getResourcesPaginator(request -> request.restApiId(apiId).limit(500)
                .embed("methods")).items().stream().toList();
    }

    /** Ensures each path segment, the method and its proxy integration; returns whether anything changed. */
    private boolean ensureRoute(String apiId, Map<String, Resource> resources, Trigger.Api route,
            String integrationUri) {
        boolean changed = false;
        String path = "";
        String parentId = resources.containsKey("/") ? resources.get("/").id() : "<raíz>";
        for (String segment : route.path().substring(1).split("/")) {
            path = path + "/" + segment;
            Resource resource = resources.get(path);
            if (resource == null) {
                changed = true;
                String parent = parentId;
                if (changes.create("recurso " + path + " de la API")) {
                    var created = apiGateway.createResource(request -> request.restApiId(apiId).parentId(parent)
                            .pathPart(segment));
                    resource = Resource.builder().id(created.id()).parentId(created.parentId())
                            .pathPart(created.pathPart()).path(path).build();
                    resources.put(path, resource);
                }
            }
            parentId = resource == null ? "<" + path + ">" : resource.id();
        }
        String method = httpMethod(route);
        Resource resource = resources.get(route.path());
        Method current = resource == null || resource.resourceMethods() == null ? null
                : resource.resourceMethods().get(method);
        String what = "método " + method + " " + route.path() + " → función (integración proxy de Lambda)";
        boolean integrated = current != null && current.methodIntegration() != null
                && current.methodIntegration().type() == IntegrationType.AWS_PROXY
                && integrationUri.equals(current.methodIntegration().uri());
        if (integrated) {
            changes.unchanged(what);
            return changed;
        }
        boolean apply = current == null ? changes.create(what) : changes.update(what, "otra integración");
        if (apply) {
            String resourceId = resource.id();
            if (current == null) {
                apiGateway.putMethod(request -> request.restApiId(apiId).resourceId(resourceId).httpMethod(method)
                        .authorizationType("NONE"));
            }
            apiGateway.putIntegration(request -> request.restApiId(apiId).resourceId(resourceId).httpMethod(method)
                    .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(integrationUri));
        }
        return true;
    }

    private void ensureDeployment(String apiId, String apiName, boolean changed) {
        String what = "despliegue de la API '" + apiName + "' en la etapa " + STAGE;
        if (!changed && stageExists(apiId)) {
            changes.unchanged(what);
        } else if (changes.create(what)) {
            apiGateway.createDeployment(request -> request.restApiId(apiId).stageName(STAGE)
                    .description("deploy.java"));
        }
    }

    private boolean stageExists(String apiId) {
        try {
            apiGateway.getStage(request -> request.restApiId(apiId).stageName(STAGE));
            return true;
        } catch (NotFoundException missing) {
            return false;
        }
    }

    static String httpMethod(Trigger.Api route) {
        return route.method().toUpperCase(Locale.ROOT);
    }

    static String invokeUrl(String apiId, String region, String path) {
        return "https://" + apiId + ".execute-api." + region + ".amazonaws.com/" + STAGE + path;
    }
}

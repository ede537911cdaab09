package dev.lambdaworkbook.deploy.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** EventBridge's JSON 1.1 API ({@code X-Amz-Target: AWSEvents.<operation>}), for rules on the default bus. */
public final class FakeEventBridge {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A rule as EventBridge stores it. */
    public static final class Rule {
        final String arn;
        String expression;
        String state;
        String description;
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, String> targets = new LinkedHashMap<>();

        Rule(String arn) {
            this.arn = arn;
        }

        public String expression() {
            return expression;
        }

        public String state() {
            return state;
        }

        public Map<String, String> targets() {
            return targets;
        }

        public Map<String, String> tags() {
            return tags;
        }

        public String arn() {
            return arn;
        }
    }

    private final FakeAws fake;
    private final Map<String, Rule> rules = new TreeMap<>();

    FakeEventBridge(FakeAws fake) {
        this.fake = fake;
    }

    public synchronized Set<String> ruleNames() {
        return Set.copyOf(rules.keySet());
    }

    public synchronized Rule rule(String name) {
        return rules.get(name);
    }

    synchronized void handle(Request request) {
        String target = String.valueOf(request.header("X-Amz-Target"));
        String operation = target.substring(target.indexOf('.') + 1);
        FakeAws.Fault fault = fake.nextFault("events", operation);
        if (fault == FakeAws.Fault.DROP_CONNECTION) {
            fake.record("events", operation, 0);
            FakeHttp.drop(request.exchange());
            return;
        }
        if (fault != null) {
            error(request, operation, 400, "ThrottlingException", "Rate exceeded");
            return;
        }

        JsonNode body = parse(request);
        String name = body.has("Name") ? body.path("Name").asText() : body.path("Rule").asText();
        if (operation.equals("ListTagsForResource")) {
            String arn = body.path("ResourceARN").asText();
            name = arn.substring(arn.lastIndexOf('/') + 1);
        }
        Rule rule = rules.get(name);
        if (rule == null && !operation.equals("PutRule")) {
            error(request, operation, 400, "ResourceNotFoundException", "Rule " + name
                    + " does not exist on EventBus default.");
            return;
        }

        ObjectNode response = JSON.createObjectNode();
        switch (operation) {
            case "PutRule" -> {
                if (rule == null) {
                    rule = new Rule("arn:aws:events:" + request.region() + ":" + FakeAws.ACCOUNT + ":rule/" + name);
                    Rule created = rule;
                    body.path("Tags").forEach(tag -> created.tags.put(tag.path("Key").asText(),
                            tag.path("Value").asText()));
                    rules.put(name, rule);
                }
                rule.expression = body.path("ScheduleExpression").asText();
                rule.state = body.path("State").asText("ENABLED");
                rule.description = body.path("Description").asText();
                response.put("RuleArn", rule.arn);
            }
            case "DescribeRule" -> response.put("Name", name).put("Arn", rule.arn)
                    .put("ScheduleExpression", rule.expression).put("State", rule.state)
                    .put("Description", rule.description).put("EventBusName", "default");
            case "ListTargetsByRule" -> {
                ArrayNode targets = response.putArray("Targets");
                rule.targets.forEach((id, arn) -> targets.addObject().put("Id", id).put("Arn", arn));
            }
            case "PutTargets" -> {
                for (JsonNode added : body.path("Targets")) {
                    rule.targets.put(added.path("Id").asText(), added.path("Arn").asText());
                }
                response.put("FailedEntryCount", 0).putArray("FailedEntries");
            }
            case "RemoveTargets" -> {
                body.path("Ids").forEach(id -> rules.get(body.path("Rule").asText()).targets.remove(id.asText()));
                response.put("FailedEntryCount", 0).putArray("FailedEntries");
            }
            case "DeleteRule" -> {
                if (!rule.targets.isEmpty()) {
                    error(request, operation, 400, "ValidationException", "Rule can't be deleted since it has "
                            + "targets.");
                    return;
                }
                rules.remove(name);
            }
            case "ListTagsForResource" -> {
                ArrayNode tags = response.putArray("Tags");
                rule.tags.forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
            }
            default -> {
                error(request, operation, 400, "UnknownOperationException", "Operación no simulada: " + operation);
                return;
            }
        }
        fake.record("events", operation, 200);
        FakeHttp.send(request.exchange(), 200, "application/x-amz-json-1.1", response.toString(), Map.of());
    }

    private static JsonNode parse(Request request) {
        try {
            return request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (IOException invalid) {
            throw new IllegalArgumentException("JSON no válido", invalid);
        }
    }

    private void error(Request request, String operation, int status, String code, String message) {
        fake.record("events", operation, status);
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", code).put("message", message);
        FakeHttp.send(request.exchange(), status, "application/x-amz-json-1.1", body.toString(), Map.of());
    }
}

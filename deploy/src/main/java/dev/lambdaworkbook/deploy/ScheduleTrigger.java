package dev.lambdaworkbook.deploy;

import dev.lambdaworkbook.kit.config.Trigger;
import dev.lambdaworkbook.kit.schedule.InvalidScheduleException;
import dev.lambdaworkbook.kit.schedule.ScheduleExpression;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** An EventBridge rule on the template's schedule, whose target is the function. */
final class ScheduleTrigger {

    static final String TARGET_ID = "funcion";

    private final EventBridgeClient events;
    private final Permissions permissions;
    private final Changes changes;

    ScheduleTrigger(EventBridgeClient events, Permissions permissions, Changes changes) {
        this.events = events;
        this.permissions = permissions;
        this.changes = changes;
    }

    /** Checks the expression as EventBridge would, before any call, so a typo fails with a Spanish reason. */
    static void validate(Trigger.Schedule schedule) {
        try {
            ScheduleExpression.parse(schedule.expression());
        } catch (InvalidScheduleException invalid) {
            throw new DeployException(DeployException.USAGE, "El evento '" + schedule.name() + "' de la plantilla: "
                    + invalid.getMessage(), invalid);
        }
    }

    void ensure(Trigger.Schedule schedule, Names names, String functionArn, String account, String region) {
        String rule = names.rule(schedule.name());
        RuleState state = schedule.enabled() ? RuleState.ENABLED : RuleState.DISABLED;
        String what = "regla de EventBridge '" + rule + "' (" + schedule.expression() + ", " + state + ")";
        Optional<DescribeRuleResponse> current = describe(rule);
        String ruleArn = current.map(DescribeRuleResponse::arn)
                .orElse("arn:aws:events:" + region + ":" + account + ":rule/" + rule);
        if (current.isEmpty()) {
            if (changes.create(what)) {
                ruleArn = events.putRule(request -> request.name(rule).scheduleExpression(schedule.expression())
                        .state(state).description("Dispara " + names.function() + " (deploy.java)")
                        .tags(tags(names.tags()))).ruleArn();
            }
        } else if (!schedule.expression().equals(current.get().scheduleExpression())
                || current.get().state() != state) {
            if (changes.update(what, "antes " + current.get().scheduleExpression() + ", "
                    + current.get().stateAsString())) {
                events.putRule(request -> request.name(rule).scheduleExpression(schedule.expression()).state(state)
                        .description("Dispara " + names.function() + " (deploy.java)"));
            }
        } else {
            changes.unchanged(what);
        }
        ensureTarget(rule, functionArn, current.isPresent());
        permissions.allow(names.function(), names.statementId(schedule.name()), "events.amazonaws.com", ruleArn,
                Optional.empty());
    }

    private void ensureTarget(String rule, String functionArn, boolean ruleExists) {
        String what = "destino de la regla '" + rule + "' → función";
        List<Target> targets = ruleExists
                ? events.listTargetsByRule(request -> request.rule(rule)).targets() : List.of();
        boolean present = targets.stream()
                .anyMatch(target -> TARGET_ID.equals(target.id()) && functionArn.equals(target.arn()));
        if (present) {
            changes.unchanged(what);
        } else if (changes.create(what)) {
            var response = events.putTargets(request -> request.rule(rule)
                    .targets(Target.builder().id(TARGET_ID).arn(functionArn).build()));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                throw new DeployException(DeployException.FAILED, "EventBridge no ha aceptado la función como "
                        + "destino de la regla '" + rule + "': " + response.failedEntries().get(0).errorMessage());
            }
        }
    }

    Optional<DescribeRuleResponse> describe(String rule) {
        try {
            return Optional.of(events.describeRule(request -> request.name(rule)));
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        }
    }

    static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
    }
}

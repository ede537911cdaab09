package dev.lambdaworkbook.schedule;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.TemplateException;
import dev.lambdaworkbook.kit.config.Trigger;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.schedule.InvalidScheduleException;
import dev.lambdaworkbook.kit.schedule.ScheduleExpression;
import java.util.List;

/**
 * Helpers that read the exercise's template.yaml for the tests. A template that cannot be read, has no schedule or contains an
 * invalid expression fails the test with a message that points at template.yaml, not at the student's Java code.
 */
final class TemplateSchedules {

    private TemplateSchedules() {
    }

    /** Returns the function of the exercise's template.yaml. */
    static FunctionConfig config() {
        try {
            return FunctionConfig.ofThisExercise();
        } catch (TemplateException unreadable) {
            throw Expect.failure("No se puede leer template.yaml: " + unreadable.getMessage());
        }
    }

    /** Returns the Schedule events of the function, at least one. */
    static List<Trigger.Schedule> schedules() {
        FunctionConfig config = config();
        List<Trigger.Schedule> schedules = config.triggers(Trigger.Schedule.class);
        Expect.that(!schedules.isEmpty(), () -> "template.yaml no tiene ningún evento de tipo Schedule en "
                + "Resources." + config.logicalId() + ".Properties.Events. Deja el evento CadaMinuto.");
        return schedules;
    }

    /** Parses the expression of a Schedule event as EventBridge would. */
    static ScheduleExpression expression(Trigger.Schedule schedule) {
        try {
            return ScheduleExpression.parse(schedule.expression());
        } catch (InvalidScheduleException invalid) {
            throw Expect.failure("En template.yaml, Events." + schedule.name() + ".Properties.Schedule: "
                    + invalid.getMessage());
        }
    }
}

package dev.lambdaworkbook.slides.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** Logs which EventBridge rule invoked the function and returns the rule's ARN. */
public class ScheduleAuditHandler implements RequestHandler<ScheduledEvent, String> {

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        // tag::fields[]
        String rule = event.getResources().get(0);
        context.getLogger().log(event.getDetailType() + " de la regla " + rule
                + " (evento " + event.getId() + ")");
        // end::fields[]
        return rule;
    }
}

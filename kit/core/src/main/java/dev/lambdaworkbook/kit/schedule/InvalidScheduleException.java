package dev.lambdaworkbook.kit.schedule;

/**
 * A schedule expression that EventBridge would reject. The Spanish message quotes the expression, names the broken
 * rule and shows how to write it.
 */
public class InvalidScheduleException extends IllegalArgumentException {

    private final String expression;
    private final String reason;

    public InvalidScheduleException(String expression, String reason) {
        super("La expresión de programación '" + expression + "' no es válida: " + reason);
        this.expression = expression;
        this.reason = reason;
    }

    /** The rejected expression as written. */
    public String expression() {
        return expression;
    }

    /** The broken rule and the fix, without the expression itself. */
    public String reason() {
        return reason;
    }
}

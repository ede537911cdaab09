package dev.lambdaworkbook.kit.config;

/** The value of one environment variable of the function, as written in the template. */
public sealed interface EnvironmentValue permits EnvironmentValue.Literal, EnvironmentValue.ParameterRef {

    /** A value written in the template itself. */
    record Literal(String value) implements EnvironmentValue {
    }

    /**
     * A {@code !Ref} to a template parameter, filled at deploy or run time. A parameter with {@code NoEcho: true} is
     * a secret: tools never print its value.
     */
    record ParameterRef(String parameter, boolean secret, String defaultValue) implements EnvironmentValue {
    }
}

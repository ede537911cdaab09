package dev.lambdaworkbook.kit.config;

/**
 * A CloudFormation short-form intrinsic function found in a template, such as {@code !Ref ApiKey}.
 *
 * @param name the function without its {@code !}, e.g. {@code Ref} or {@code Sub}
 * @param argument the YAML value after the tag: a string, a list or a map
 */
record IntrinsicFunction(String name, Object argument) {

    @Override
    public String toString() {
        return "!" + name + " " + argument;
    }
}

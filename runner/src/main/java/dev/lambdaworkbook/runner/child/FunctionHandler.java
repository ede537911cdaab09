package dev.lambdaworkbook.runner.child;

import com.amazonaws.services.lambda.runtime.Context;

/** A loaded handler: turns the invocation's JSON payload into the response bytes, or throws what the code threw. */
@FunctionalInterface
interface FunctionHandler {

    byte[] invoke(byte[] payload, Context context) throws Throwable;

    /** A handler that could not be loaded: every invocation fails with the same fault, as in the real runtime. */
    static FunctionHandler failing(UserFault fault) {
        return (payload, context) -> {
            throw fault;
        };
    }
}

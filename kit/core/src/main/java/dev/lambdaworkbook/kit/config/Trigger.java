package dev.lambdaworkbook.kit.config;

import java.util.List;

/** An event source of the function, from the {@code Events} section of its SAM template. */
public sealed interface Trigger permits Trigger.Schedule, Trigger.S3, Trigger.Api {

    /** The logical name of the event in the template. */
    String name();

    /** An EventBridge schedule; the expression is checked by the kit's schedule validator, not here. */
    record Schedule(String name, String expression, boolean enabled) implements Trigger {
    }

    /**
     * An S3 bucket notification. {@code bucket} is the bucket's name and {@code bucketLogicalId} the template
     * resource it comes from; {@code prefix} and {@code suffix} are empty when the template sets no filter.
     */
    record S3(String name, String bucketLogicalId, String bucket, List<String> events, String prefix, String suffix)
            implements Trigger {

        /** Returns whether an object written at this key would fire the notification. */
        public boolean matches(String bucketName, String key) {
            return bucket.equals(bucketName) && key.startsWith(prefix) && key.endsWith(suffix);
        }
    }

    /** An API Gateway REST API route with the Lambda proxy integration; {@code method} is lower case. */
    record Api(String name, String path, String method) implements Trigger {
    }
}

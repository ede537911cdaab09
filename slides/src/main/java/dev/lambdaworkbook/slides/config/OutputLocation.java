package dev.lambdaworkbook.slides.config;

import java.util.Map;

/**
 * The bucket and key prefix for a function's results, read from environment variables so that the same code runs
 * against any bucket.
 *
 * @param bucket the bucket from {@code OUTPUT_BUCKET}
 * @param prefix the key prefix from {@code OUTPUT_PREFIX}, empty when the variable is not set
 */
public record OutputLocation(String bucket, String prefix) {

    // tag::env[]
    public static OutputLocation fromEnvironment() {
        return from(System.getenv());
    }

    public static OutputLocation from(Map<String, String> environment) {
        String bucket = environment.get("OUTPUT_BUCKET");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("Falta la variable de entorno OUTPUT_BUCKET:"
                    + " añádela en la configuración de la función (Environment)");
        }
        String prefix = environment.getOrDefault("OUTPUT_PREFIX", "");
        return new OutputLocation(bucket, prefix);
    }
    // end::env[]
}

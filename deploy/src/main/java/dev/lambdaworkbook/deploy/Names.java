package dev.lambdaworkbook.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names and tags of everything the script creates for one exercise and one student prefix. Names are fixed by
 * the prefix and the template, so a second run finds the same resources; tags mark them as created by this script,
 * and {@code --destruir} deletes only what carries them.
 */
public record Names(String prefix, String exercise, String templateFunctionName) {

    public static final String TAG_EXERCISE = "workbook:ejercicio";
    public static final String TAG_PREFIX = "workbook:prefijo";
    public static final String TAG_TOOL = "workbook:herramienta";
    public static final String TOOL = "deploy.java";

    public String function() {
        return prefix + "-" + templateFunctionName;
    }

    public String role() {
        return shorten(function() + "-rol", 64);
    }

    public String rule(String eventName) {
        return shorten(function() + "-" + eventName, 64);
    }

    public String api() {
        return function() + "-api";
    }

    /** Returns the deployed name of a bucket the template declares. */
    public String bucket(String templateBucket) {
        return shorten(prefix + "-" + templateBucket, 63);
    }

    /** Returns the bucket for packages uploaded through S3: one per student, account and region, because names are global. */
    public String artifactsBucket(String account, String region) {
        return prefix + "-artefactos-" + account + "-" + region;
    }

    /** The Lambda permission statement id of a trigger. */
    public String statementId(String eventName) {
        return "workbook-" + eventName;
    }

    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TAG_EXERCISE, exercise);
        tags.put(TAG_PREFIX, prefix);
        tags.put(TAG_TOOL, TOOL);
        return tags;
    }

    /** Returns whether a resource's tags say this script created it for this exercise and prefix. */
    public boolean ownedBy(Map<String, String> resourceTags) {
        return resourceTags != null && exercise.equals(resourceTags.get(TAG_EXERCISE))
                && prefix.equals(resourceTags.get(TAG_PREFIX)) && TOOL.equals(resourceTags.get(TAG_TOOL));
    }

    private static String shorten(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max).replaceAll("[-.]+$", "");
    }
}

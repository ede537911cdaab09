package dev.lambdaworkbook.kit.zip;

/**
 * One way a deployment package breaks Lambda's Java layout or limits.
 *
 * @param kind what is wrong
 * @param entry the offending path inside the .zip, or the .zip's own name for size problems
 * @param message the Spanish explanation, naming the entry and the fix
 */
public record PackageProblem(Kind kind, String entry, String message) {

    public enum Kind {
        /** The handler class is nowhere on the function's classpath. */
        MISSING_HANDLER,
        /** Compiled classes sit under a build folder such as {@code target/classes/}. */
        CLASSES_IN_BUILD_FOLDER,
        /** Everything sits inside one project folder instead of at the root. */
        PROJECT_FOLDER,
        /** A .jar at the root of the .zip, where Lambda never looks inside it. */
        APP_JAR_AT_ROOT,
        /** A .jar outside {@code lib/}, such as {@code libs/x.jar} or {@code lib/sub/x.jar}. */
        JAR_OUTSIDE_LIB,
        /** A runtime dependency missing from {@code lib/}. */
        MISSING_LIBRARY,
        /** A test library (JUnit, Mockito, the workbook's kit...) packaged with the function. */
        TEST_LIBRARY,
        /** A jar signature file ({@code META-INF/*.SF}, {@code .RSA}, {@code .DSA}, {@code .EC}) at the root. */
        SIGNATURE_FILE,
        /** Over the size Lambda accepts through a direct upload; an upload through S3 avoids it. */
        TOO_LARGE_FOR_DIRECT_UPLOAD,
        /** Over the size Lambda accepts once unzipped. */
        TOO_LARGE_UNZIPPED,
        /** An absolute path or a {@code ..} segment, which would write outside the function's folder. */
        UNSAFE_ENTRY
    }
}

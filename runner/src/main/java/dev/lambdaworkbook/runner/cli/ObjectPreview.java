package dev.lambdaworkbook.runner.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Prints the first lines of an object in the local S3 server: the server drops its objects when the runner ends,
 * so this is the student's one chance to see what the function wrote.
 */
final class ObjectPreview {

    static final int LINES = 3;

    private static final int BYTES = 8 * 1024;
    private static final int LINE_WIDTH = 160;

    private ObjectPreview() {
    }

    /**
     * Prints up to {@link #LINES} lines of the object, indented, with {@code …} when more follow. Secret values are
     * masked.
     */
    static void print(S3Client client, String bucket, String key, long size, Set<String> secrets, PrintWriter out) {
        if (size == 0) {
            out.println("    (vacío)");
            return;
        }
        byte[] start;
        try {
            start = client.getObjectAsBytes(request -> request.bucket(bucket).key(key)
                    .range("bytes=0-" + (Math.min(size, BYTES) - 1))).asByteArray();
        } catch (SdkException unreadable) {
            out.println("    (no se pudo leer: " + unreadable.getMessage() + ")");
            return;
        }
        String text = ConsolePrinter.mask(new String(start, StandardCharsets.UTF_8), secrets);
        if (text.indexOf('\u0000') >= 0) {
            out.println("    (contenido binario, no se muestra)");
            return;
        }
        String[] lines = text.split("\r?\n", -1);
        int shown = Math.min(LINES, lines.length);
        for (int index = 0; index < shown; index++) {
            if (index == lines.length - 1 && lines[index].isEmpty()) {
                break;
            }
            String line = lines[index];
            out.println("    " + (line.length() > LINE_WIDTH ? line.substring(0, LINE_WIDTH) + "…" : line));
        }
        boolean more = lines.length > LINES + 1 || (lines.length == LINES + 1 && !lines[LINES].isEmpty())
                || size > start.length;
        if (more) {
            out.println("    …");
        }
    }
}

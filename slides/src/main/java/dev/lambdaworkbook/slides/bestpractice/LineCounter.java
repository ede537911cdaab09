package dev.lambdaworkbook.slides.bestpractice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Counts the lines of a text stream: the function's core logic, which depends on neither Lambda nor S3. */
// tag::core[]
public final class LineCounter {

    private LineCounter() {
    }

    public static long count(InputStream text) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(text, StandardCharsets.UTF_8))) {
            return reader.lines().count();
        }
    }
}
// end::core[]

package dev.lambdaworkbook.kit.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Checks shared by the server's tests: S3 errors as the SDK reports them, and raw HTTP exchanges. */
final class S3Assertions {

    /** A raw HTTP response: status, headers by lower-case name, body as UTF-8 text. */
    record RawResponse(int status, Map<String, List<String>> headers, String body) {
    }

    private S3Assertions() {
    }

    /** Asserts that the call fails with this HTTP status and S3 error code, and returns the exception. */
    static S3Exception assertS3Error(int status, String code, Executable call) {
        S3Exception error = assertThrows(S3Exception.class, call);
        assertEquals(status, error.statusCode(), "estado HTTP de " + error.getMessage());
        assertEquals(code, error.awsErrorDetails().errorCode(), "código de error S3 de " + error.getMessage());
        return error;
    }

    /** Sends one request with plain HttpURLConnection, for what the SDK never sends. */
    static RawResponse send(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        headers.forEach(connection::setRequestProperty);
        if (body != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        return new RawResponse(status, connection.getHeaderFields(), text);
    }
}

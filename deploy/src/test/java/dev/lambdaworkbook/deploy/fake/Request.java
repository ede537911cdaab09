package dev.lambdaworkbook.deploy.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP request as the fake services see it: the body already decoded from aws-chunked when S3 got it so. */
record Request(HttpExchange exchange, String region, String method, String path, Map<String, String> query,
        byte[] body) {

    static Request read(HttpExchange exchange, String region) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String contentSha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        boolean chunked = (contentSha != null && contentSha.startsWith("STREAMING"))
                || (encoding != null && encoding.contains("aws-chunked"));
        return new Request(exchange, region, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                form(exchange.getRequestURI().getRawQuery()), chunked ? decodeChunks(raw) : raw);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Returns the body as form parameters (query protocol). */
    Map<String, String> form() {
        return form(text());
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    static String decodePath(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Decodes the aws-chunked body the SDK sends for streaming uploads: size;extensions CRLF data CRLF ... 0. */
    private static byte[] decodeChunks(byte[] raw) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int position = 0;
        while (position < raw.length) {
            int lineEnd = indexOfCrlf(raw, position);
            String header = new String(raw, position, lineEnd - position, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0].trim(), 16);
            position = lineEnd + 2;
            if (size == 0) {
                break;
            }
            data.write(raw, position, size);
            position += size + 2;
        }
        return data.toByteArray();
    }

    private static int indexOfCrlf(byte[] raw, int from) {
        for (int i = from; i < raw.length - 1; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("Cuerpo aws-chunked mal formado");
    }
}

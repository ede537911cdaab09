package dev.lambdaworkbook.deploy.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Writing responses, and the XML escaping the XML protocols need. */
final class FakeHttp {

    private FakeHttp() {
    }

    static void send(HttpExchange exchange, int status, String contentType, String body, Map<String, String> headers) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.getResponseHeaders().set("x-amz-request-id", UUID.randomUUID().toString());
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            boolean noBody = bytes.length == 0 || "HEAD".equals(exchange.getRequestMethod()) || status == 204;
            exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
    }

    /** Closes the connection without a response, which the client sees as a dropped connection. */
    static void drop(HttpExchange exchange) {
        exchange.close();
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

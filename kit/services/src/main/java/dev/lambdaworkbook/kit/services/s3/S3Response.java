package dev.lambdaworkbook.kit.services.s3;

import java.util.LinkedHashMap;
import java.util.Map;

/** An operation's HTTP response: status, headers and a body, possibly a slice of a stored object's content. */
final class S3Response {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private final int offset;
    private final int length;

    private S3Response(int status, byte[] body, int offset, int length) {
        this.status = status;
        this.body = body;
        this.offset = offset;
        this.length = length;
    }

    static S3Response empty(int status) {
        return new S3Response(status, new byte[0], 0, 0);
    }

    static S3Response xml(byte[] document) {
        return new S3Response(200, document, 0, document.length).header("Content-Type", "application/xml");
    }

    /** Returns a response whose body is {@code length} bytes of {@code content} from {@code offset}, not copied. */
    static S3Response content(int status, byte[] content, int offset, int length) {
        return new S3Response(status, content, offset, length);
    }

    /** Sets a header; a null value is left out. */
    S3Response header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }
}

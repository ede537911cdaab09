package dev.lambdaworkbook.kit.services.s3;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One path-style S3 request ({@code /BUCKET/KEY?QUERY}): the decoded bucket and key, query parameters, headers and,
 * read on demand, the body with its encodings undone and its digests checked.
 */
final class S3Request {

    private static final Set<String> STREAMING_FORMS = Set.of("STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");

    /** A request body and the flexible checksum that came with it, already verified; both checksum fields may be null. */
    record Body(byte[] content, ChecksumAlgorithm checksumAlgorithm, String checksum) {
    }

    /** Checks a body's declared length before it is read, throwing the S3 error that fits the operation. */
    @FunctionalInterface
    interface LengthCheck {
        void check(long length);
    }

    private final HttpExchange exchange;
    private final String decodedPath;
    private final String bucket;
    private final String key;
    private final List<Map.Entry<String, String>> queryParameters;
    private final Map<String, String> query = new HashMap<>();
    private SigV4Verifier.Signature signature;
    private boolean bodyRead;

    private S3Request(HttpExchange exchange, String decodedPath, List<Map.Entry<String, String>> queryParameters) {
        this.exchange = exchange;
        this.decodedPath = decodedPath;
        this.queryParameters = queryParameters;
        queryParameters.forEach(parameter -> query.putIfAbsent(parameter.getKey(), parameter.getValue()));
        String withoutSlash = decodedPath.isEmpty() ? "" : decodedPath.substring(1);
        int slash = withoutSlash.indexOf('/');
        if (withoutSlash.isEmpty()) {
            this.bucket = null;
            this.key = null;
        } else if (slash < 0) {
            this.bucket = withoutSlash;
            this.key = null;
        } else {
            this.bucket = withoutSlash.substring(0, slash);
            String rest = withoutSlash.substring(slash + 1);
            this.key = rest.isEmpty() ? null : rest;
        }
    }

    /**
     * Parses the request line of an exchange.
     *
     * @throws S3Error InvalidURI when the path or query has a broken percent escape
     */
    static S3Request parse(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        try {
            String path = rawPath == null || rawPath.isEmpty() ? "/" : S3Text.percentDecode(rawPath);
            return new S3Request(exchange, path, parseQuery(rawQuery));
        } catch (IllegalArgumentException broken) {
            throw new S3Error(400, "InvalidURI", "Couldn't parse the specified URI.")
                    .with("URI", exchange.getRequestURI().toString());
        }
    }

    private static List<Map.Entry<String, String>> parseQuery(String rawQuery) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(new AbstractMap.SimpleImmutableEntry<>(S3Text.percentDecode(name),
                    S3Text.percentDecode(value)));
        }
        return parameters;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** Returns the percent-decoded path, starting with '/'. */
    String decodedPath() {
        return decodedPath;
    }

    /** Returns the bucket name, or null for the service root ({@code GET /}). */
    String bucket() {
        return bucket;
    }

    /** Returns the object key, or null when the path names only a bucket. */
    String key() {
        return key;
    }

    /** Returns the first value of each query parameter; a parameter without '=' has the value "". */
    Map<String, String> query() {
        return query;
    }

    List<Map.Entry<String, String>> queryParameters() {
        return queryParameters;
    }

    boolean has(String parameter) {
        return query.containsKey(parameter);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    List<String> headerValues(String name) {
        List<String> values = exchange.getRequestHeaders().get(name);
        return values == null ? List.of() : values;
    }

    /** Returns the request's header names in lower case. */
    Set<String> headerNames() {
        Set<String> names = new LinkedHashSet<>();
        exchange.getRequestHeaders().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        return names;
    }

    /** Returns the user metadata headers ({@code x-amz-meta-NAME}) with lower-case names. */
    Map<String, String> userMetadata() {
        Map<String, String> metadata = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-meta-")) {
                metadata.put(lower.substring("x-amz-meta-".length()), String.join(",", values));
            }
        });
        return metadata;
    }

    void authenticate(SigV4Verifier verifier) {
        signature = verifier.verify(this);
        String payloadHash = signature.payloadHash();
        boolean valid = payloadHash.equals(SigV4Verifier.UNSIGNED_PAYLOAD) || STREAMING_FORMS.contains(payloadHash)
                || payloadHash.matches("[0-9a-f]{64}");
        if (!valid) {
            throw S3Error.invalidArgument("x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                    + "STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, "
                    + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value.",
                    "x-amz-content-sha256", payloadHash);
        }
    }

    boolean bodyRead() {
        return bodyRead;
    }

    /**
     * Reads the body, undoing aws-chunked encoding, and verifies x-amz-content-sha256, chunk and trailer signatures,
     * Content-MD5 and any flexible checksum.
     *
     * @param lengthCheck called with the content length before any byte is read
     */
    Body body(LengthCheck lengthCheck) throws IOException {
        bodyRead = true;
        String payloadHash = signature.payloadHash();
        boolean chunked = STREAMING_FORMS.contains(payloadHash) || contentEncodings().contains("aws-chunked");
        InputStream in = new BufferedInputStream(exchange.getRequestBody(), 65_536);
        byte[] content;
        Map<String, String> trailers = Map.of();
        if (chunked) {
            int length = checkedLength(header("x-amz-decoded-content-length"), lengthCheck);
            AwsChunkedDecoder.Decoded decoded = new AwsChunkedDecoder(in, signature,
                    payloadHash.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
                    payloadHash.equals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")).decode(length);
            content = decoded.content();
            trailers = decoded.trailers();
        } else {
            content = readPlain(in, lengthCheck);
            if (!payloadHash.equals(SigV4Verifier.UNSIGNED_PAYLOAD)) {
                checkContentSha256(payloadHash, content);
            }
        }
        checkContentMd5(content);
        return checksummed(content, trailers);
    }

    private byte[] readPlain(InputStream in, LengthCheck lengthCheck) throws IOException {
        String declared = header("Content-Length");
        if (declared == null) {
            if (header("Transfer-Encoding") == null) {
                return new byte[0];
            }
            throw new S3Error(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
        }
        int length = checkedLength(declared, lengthCheck);
        byte[] content = new byte[length];
        if (in.readNBytes(content, 0, length) != length) {
            throw new S3Error(400, "IncompleteBody", "You did not provide the number of bytes specified by the "
                    + "Content-Length HTTP header");
        }
        return content;
    }

    private static int checkedLength(String declared, LengthCheck lengthCheck) {
        if (declared == null) {
            throw new S3Error(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException notNumber) {
            throw S3Error.invalidArgument("Invalid content length", "Content-Length", declared);
        }
        if (length < 0) {
            throw S3Error.invalidArgument("Invalid content length", "Content-Length", declared);
        }
        lengthCheck.check(length);
        return (int) length;
    }

    private static void checkContentSha256(String expected, byte[] content) {
        String computed = SigV4Verifier.sha256Hex(content);
        if (!computed.equals(expected)) {
            throw new S3Error(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does "
                    + "not match what was computed.")
                    .with("ClientComputedContentSHA256", expected)
                    .with("S3ComputedContentSHA256", computed);
        }
    }

    private void checkContentMd5(byte[] content) {
        String md5 = header("Content-MD5");
        if (md5 == null) {
            return;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(md5.strip());
        } catch (IllegalArgumentException notBase64) {
            expected = new byte[0];
        }
        if (expected.length != 16) {
            throw new S3Error(400, "InvalidDigest", "The Content-MD5 you specified was invalid.")
                    .with("Content-MD5", md5);
        }
        byte[] computed = StoredObject.md5(content);
        if (!java.security.MessageDigest.isEqual(expected, computed)) {
            throw new S3Error(400, "BadDigest", "The Content-MD5 you specified did not match what we received.")
                    .with("ExpectedDigest", md5)
                    .with("CalculatedDigest", Base64.getEncoder().encodeToString(computed));
        }
    }

    /** Finds the one flexible checksum sent as a header or a trailer and verifies it against the content. */
    private Body checksummed(byte[] content, Map<String, String> trailers) {
        ChecksumAlgorithm algorithm = null;
        String value = null;
        Map<String, String> candidates = new HashMap<>(trailers);
        for (String name : headerNames()) {
            if (ChecksumAlgorithm.ofHeader(name) != null) {
                candidates.put(name, header(name));
            }
        }
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            ChecksumAlgorithm found = ChecksumAlgorithm.ofHeader(candidate.getKey());
            if (found == null) {
                continue;
            }
            if (algorithm != null) {
                throw S3Error.invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types "
                        + "are not allowed.");
            }
            algorithm = found;
            value = candidate.getValue().strip();
        }

        String declaredTrailer = header("x-amz-trailer");
        if (declaredTrailer != null && !trailers.containsKey(declaredTrailer.strip().toLowerCase(Locale.ROOT))) {
            throw S3Error.invalidRequest("The trailer '" + declaredTrailer + "' declared in x-amz-trailer was not "
                    + "sent after the body.");
        }
        String sdkAlgorithm = header("x-amz-sdk-checksum-algorithm");
        if (algorithm == null) {
            if (sdkAlgorithm != null) {
                throw S3Error.invalidRequest("x-amz-sdk-checksum-algorithm specified, but no corresponding "
                        + "x-amz-checksum-* or x-amz-trailer headers were found.");
            }
            return new Body(content, null, null);
        }
        if (sdkAlgorithm != null && ChecksumAlgorithm.ofName(sdkAlgorithm) != algorithm) {
            throw S3Error.invalidRequest("Value for x-amz-sdk-checksum-algorithm header is invalid.");
        }
        if (!algorithm.isWellFormed(value)) {
            throw S3Error.invalidRequest("Value for " + algorithm.headerName() + " header is invalid.");
        }

        String computed = algorithm.compute(content);
        if (!computed.equals(value)) {
            throw new S3Error(400, "BadDigest", "The " + algorithm.displayName() + " you specified did not match the "
                    + "calculated checksum.");
        }
        return new Body(content, algorithm, value);
    }

    private List<String> contentEncodings() {
        List<String> encodings = new ArrayList<>();
        for (String value : headerValues("Content-Encoding")) {
            for (String encoding : value.split(",")) {
                if (!encoding.isBlank()) {
                    encodings.add(encoding.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return encodings;
    }

    /** Returns Content-Encoding without aws-chunked, which only describes the transfer; null when nothing is left. */
    String storedContentEncoding() {
        List<String> encodings = contentEncodings();
        encodings.remove("aws-chunked");
        return encodings.isEmpty() ? null : String.join(",", encodings);
    }
}

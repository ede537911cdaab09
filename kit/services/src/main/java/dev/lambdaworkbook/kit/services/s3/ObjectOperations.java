package dev.lambdaworkbook.kit.services.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects and CopyObject. */
final class ObjectOperations {

    /** S3's longest key, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;
    /** S3's limit on user metadata: names and values of x-amz-meta-* headers, in UTF-8 bytes. */
    private static final int MAX_USER_METADATA = 2048;
    /** DeleteObjects deletes at most 1000 keys per request. */
    private static final int MAX_DELETE_KEYS = 1000;
    /** Largest DeleteObjects body read: 1000 keys of 1024 bytes with their XML. */
    private static final long MAX_DELETE_BODY = 2L * 1024 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Map<String, String> RESPONSE_OVERRIDES = Map.of(
            "response-content-type", "Content-Type",
            "response-content-language", "Content-Language",
            "response-expires", "Expires",
            "response-cache-control", "Cache-Control",
            "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding");

    private final ObjectStore store;
    private final Clock clock;

    ObjectOperations(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    S3Response putObject(S3Request request) throws IOException {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        String key = checkKey(request.key());
        StoredObject.Metadata metadata = metadataOf(request);
        S3Request.Body body = request.body(store::checkLength);
        checkWriteConditions(request, bucket.objects().get(key), key);
        StoredObject object = StoredObject.single(body.content(), clock.instant(), metadata,
                body.checksumAlgorithm(), body.checksum());
        store.putObject(bucket, key, object);
        return withChecksum(S3Response.empty(200), object)
                .header("ETag", object.eTag())
                .header("x-amz-server-side-encryption", "AES256");
    }

    /** Checks a key's length; S3 accepts any UTF-8 text up to 1024 bytes. */
    static String checkKey(String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new S3Error(400, "KeyTooLongError", "Your key is too long")
                    .with("MaxSizeAllowed", MAX_KEY_BYTES).with("Size", bytes);
        }
        return key;
    }

    /** Reads the headers S3 stores with an object: content headers and x-amz-meta-*. */
    static StoredObject.Metadata metadataOf(S3Request request) {
        Map<String, String> user = request.userMetadata();
        int size = 0;
        for (Map.Entry<String, String> entry : user.entrySet()) {
            size += entry.getKey().getBytes(StandardCharsets.UTF_8).length
                    + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_USER_METADATA) {
            throw new S3Error(400, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata "
                    + "size.").with("Size", size).with("MaxSizeAllowed", MAX_USER_METADATA);
        }
        String contentType = request.header("Content-Type");
        return new StoredObject.Metadata(
                contentType == null ? StoredObject.Metadata.DEFAULT_CONTENT_TYPE : contentType,
                request.storedContentEncoding(), request.header("Content-Disposition"),
                request.header("Content-Language"), request.header("Cache-Control"), request.header("Expires"),
                user);
    }

    /** Applies conditional writes: If-None-Match: * creates only, If-Match replaces only that ETag. */
    private static void checkWriteConditions(S3Request request, StoredObject existing, String key) {
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.strip().equals("*") && existing != null) {
            throw preconditionFailed("If-None-Match");
        }
        String ifMatch = request.header("If-Match");
        if (ifMatch != null) {
            if (existing == null) {
                throw S3Error.noSuchKey(key);
            }
            if (!eTagMatches(ifMatch, existing.eTag())) {
                throw preconditionFailed("If-Match");
            }
        }
    }

    S3Response getObject(S3Request request, boolean head) {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        StoredObject object = bucket.objects().get(request.key());
        if (object == null) {
            throw S3Error.noSuchKey(request.key());
        }
        if (request.has("partNumber")) {
            throw S3Error.notImplemented(head ? "HeadObject with partNumber" : "GetObject with partNumber");
        }

        Optional<S3Response> notModified = checkReadConditions(request, object);
        if (notModified.isPresent()) {
            return notModified.get();
        }
        long[] range = range(request.header("Range"), object.size());
        S3Response response;
        if (range == null) {
            response = S3Response.content(200, object.content(), 0, object.content().length);
            if ("ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"))) {
                withChecksum(response, object);
            }
        } else {
            int start = (int) range[0];
            int length = (int) (range[1] - range[0] + 1);
            response = S3Response.content(206, object.content(), start, length)
                    .header("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + object.size());
        }

        response.header("Content-Length", Integer.toString(response.length()));
        objectHeaders(response, object);
        request.query().forEach((parameter, value) -> {
            String header = RESPONSE_OVERRIDES.get(parameter);
            if (header != null) {
                response.header(header, value);
            }
        });
        return response;
    }

    private static void objectHeaders(S3Response response, StoredObject object) {
        StoredObject.Metadata metadata = object.metadata();
        response.header("ETag", object.eTag())
                .header("Last-Modified", S3Text.httpDate(object.lastModified()))
                .header("Accept-Ranges", "bytes")
                .header("Content-Type", metadata.contentType())
                .header("Content-Encoding", metadata.contentEncoding())
                .header("Content-Disposition", metadata.contentDisposition())
                .header("Content-Language", metadata.contentLanguage())
                .header("Cache-Control", metadata.cacheControl())
                .header("Expires", metadata.expires())
                .header("x-amz-server-side-encryption", "AES256");
        metadata.user().forEach((name, value) -> response.header("x-amz-meta-" + name, value));
    }

    private static S3Response withChecksum(S3Response response, StoredObject object) {
        if (object.checksumAlgorithm() != null) {
            response.header(object.checksumAlgorithm().headerName(), object.checksum())
                    .header("x-amz-checksum-type", "FULL_OBJECT");
        }
        return response;
    }

    /**
     * Evaluates If-Match and If-Unmodified-Since (failure: 412), then If-None-Match and If-Modified-Since
     * (failure: 304), in the order of RFC 9110 that S3 follows.
     */
    private static Optional<S3Response> checkReadConditions(S3Request request, StoredObject object) {
        String ifMatch = request.header("If-Match");
        if (ifMatch != null) {
            if (!eTagMatches(ifMatch, object.eTag())) {
                throw preconditionFailed("If-Match");
            }
        } else {
            Optional<Instant> since = date(request.header("If-Unmodified-Since"));
            if (since.isPresent() && object.lastModified().isAfter(since.get())) {
                throw preconditionFailed("If-Unmodified-Since");
            }
        }
        String ifNoneMatch = request.header("If-None-Match");
        boolean notModified;
        if (ifNoneMatch != null) {
            notModified = eTagMatches(ifNoneMatch, object.eTag());
        } else {
            Optional<Instant> since = date(request.header("If-Modified-Since"));
            notModified = since.isPresent() && !object.lastModified().isAfter(since.get());
        }
        if (!notModified) {
            return Optional.empty();
        }
        return Optional.of(S3Response.empty(304)
                .header("ETag", object.eTag())
                .header("Last-Modified", S3Text.httpDate(object.lastModified())));
    }

    private static Optional<Instant> date(String header) {
        return header == null ? Optional.empty() : S3Text.parseHttpDate(header);
    }

    /** Returns whether an If-Match or If-None-Match list ("*", or ETags with or without quotes) names this ETag. */
    static boolean eTagMatches(String condition, String eTag) {
        String bare = unquote(eTag);
        for (String candidate : condition.split(",")) {
            String trimmed = candidate.strip();
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals("*") || unquote(trimmed).equals(bare)) {
                return true;
            }
        }
        return false;
    }

    static String unquote(String eTag) {
        String trimmed = eTag.strip();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    static S3Error preconditionFailed(String condition) {
        return new S3Error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold")
                .with("Condition", condition);
    }

    /**
     * Returns the first and last byte of a single {@code bytes=} range, or null to send the whole object: S3 ignores
     * a header it cannot parse and a list of several ranges.
     *
     * @throws S3Error InvalidRange (416) when the range starts past the end of the object
     */
    private static long[] range(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher matcher = RANGE.matcher(header.strip());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return null;
        }
        try {
            long[] range = matcher.group(1).isEmpty()
                    ? suffixRange(Long.parseLong(matcher.group(2)), size)
                    : prefixRange(Long.parseLong(matcher.group(1)), matcher.group(2), size);
            if (range == null) {
                return null;
            }
            if (range[0] >= size || range[1] < range[0]) {
                throw new S3Error(416, "InvalidRange", "The requested range is not satisfiable")
                        .with("RangeRequested", header.strip()).with("ActualObjectSize", size);
            }
            return range;
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    private static long[] suffixRange(long suffix, long size) {
        return suffix == 0 ? new long[] {size, size} : new long[] {Math.max(0, size - suffix), size - 1};
    }

    private static long[] prefixRange(long first, String lastText, long size) {
        if (lastText.isEmpty()) {
            return new long[] {first, size - 1};
        }
        long last = Long.parseLong(lastText);
        if (last < first) {
            return null;
        }
        return new long[] {first, Math.min(last, size - 1)};
    }

    S3Response deleteObject(S3Request request) {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        store.deleteObject(bucket, request.key());
        return S3Response.empty(204);
    }

    S3Response deleteObjects(S3Request request) throws IOException {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        boolean hasDigest = request.header("Content-MD5") != null || request.header("x-amz-trailer") != null
                || request.headerNames().stream().anyMatch(name -> ChecksumAlgorithm.ofHeader(name) != null);
        if (!hasDigest) {
            throw S3Error.invalidRequest("Missing required header for this request: Content-MD5 or x-amz-checksum-*");
        }
        byte[] body = request.body(length -> {
            if (length > MAX_DELETE_BODY) {
                throw new S3Error(400, "MaxMessageLengthExceeded", "Your request was too big.");
            }
        }).content();
        Element root = S3Xml.parse(body, "Delete");
        boolean quiet = "true".equalsIgnoreCase(String.valueOf(S3Xml.childText(root, "Quiet")).strip());
        List<Element> entries = S3Xml.children(root, "Object");
        if (entries.isEmpty() || entries.size() > MAX_DELETE_KEYS) {
            throw S3Error.malformedXml();
        }
        S3Xml xml = S3Xml.document("DeleteResult");
        for (Element entry : entries) {
            String key = S3Xml.childText(entry, "Key");
            if (key == null) {
                throw S3Error.malformedXml();
            }
            if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
                xml.open("Error").element("Key", key).element("Code", "KeyTooLongError")
                        .element("Message", "Your key is too long").close("Error");
                continue;
            }
            store.deleteObject(bucket, key);
            if (!quiet) {
                xml.open("Deleted").element("Key", key).close("Deleted");
            }
        }
        return S3Response.xml(xml.finish("DeleteResult"));
    }

    S3Response copyObject(S3Request request) {
        String[] source = copySource(request.header("x-amz-copy-source"));
        ObjectStore.Bucket sourceBucket = store.bucket(source[0]);
        StoredObject original = sourceBucket.objects().get(source[1]);
        if (original == null) {
            throw S3Error.noSuchKey(source[1]);
        }
        checkCopySourceConditions(request, original);

        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        String key = checkKey(request.key());
        String directive = request.header("x-amz-metadata-directive");
        boolean replace = directive != null && directive.strip().equals("REPLACE");
        if (directive != null && !replace && !directive.strip().equals("COPY")) {
            throw S3Error.invalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
        }
        if (!replace && bucket == sourceBucket && key.equals(source[1])) {
            throw S3Error.invalidRequest("This copy request is illegal because it is trying to copy an object to "
                    + "itself without changing the object's metadata, storage class, website redirect location or "
                    + "encryption attributes.");
        }

        store.checkLength(original.size());
        StoredObject.Metadata metadata = replace ? metadataOf(request) : original.metadata();
        ChecksumAlgorithm algorithm = original.checksumAlgorithm();
        String requested = request.header("x-amz-checksum-algorithm");
        if (requested != null) {
            algorithm = ChecksumAlgorithm.ofName(requested);
            if (algorithm == null) {
                throw S3Error.invalidRequest("Value for x-amz-checksum-algorithm header is invalid.");
            }
        }
        String checksum = algorithm == null ? null
                : algorithm == original.checksumAlgorithm() ? original.checksum() : algorithm.compute(original.content());
        StoredObject copy = StoredObject.single(original.content(), clock.instant(), metadata, algorithm, checksum);
        store.putObject(bucket, key, copy);

        S3Xml xml = S3Xml.document("CopyObjectResult")
                .element("ETag", copy.eTag())
                .element("LastModified", S3Text.isoDate(copy.lastModified()));
        if (algorithm != null) {
            xml.element(algorithm.xmlElement(), checksum).element("ChecksumType", "FULL_OBJECT");
        }
        return S3Response.xml(xml.finish("CopyObjectResult")).header("x-amz-server-side-encryption", "AES256");
    }

    /** Splits {@code x-amz-copy-source} ({@code [/]BUCKET/KEY[?versionId=ID]}, URL-encoded) into bucket and key. */
    private static String[] copySource(String header) {
        String value = header.strip();
        int question = value.indexOf('?');
        if (question >= 0) {
            String version = value.substring(question + 1);
            if (!version.equals("versionId=null")) {
                throw S3Error.invalidArgument("Invalid version id specified", "x-amz-copy-source", header);
            }
            value = value.substring(0, question);
        }
        String decoded;
        try {
            decoded = S3Text.percentDecode(value);
        } catch (IllegalArgumentException broken) {
            throw S3Error.invalidArgument("Invalid copy source encoding", "x-amz-copy-source", header);
        }
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw S3Error.invalidArgument("Invalid copy source object key", "x-amz-copy-source", header);
        }
        return new String[] {decoded.substring(0, slash), decoded.substring(slash + 1)};
    }

    private static void checkCopySourceConditions(S3Request request, StoredObject source) {
        String ifMatch = request.header("x-amz-copy-source-if-match");
        if (ifMatch != null && !eTagMatches(ifMatch, source.eTag())) {
            throw preconditionFailed("x-amz-copy-source-If-Match");
        }
        String ifNoneMatch = request.header("x-amz-copy-source-if-none-match");
        if (ifNoneMatch != null && eTagMatches(ifNoneMatch, source.eTag())) {
            throw preconditionFailed("x-amz-copy-source-If-None-Match");
        }
        Optional<Instant> unmodified = date(request.header("x-amz-copy-source-if-unmodified-since"));
        if (ifMatch == null && unmodified.isPresent() && source.lastModified().isAfter(unmodified.get())) {
            throw preconditionFailed("x-amz-copy-source-If-Unmodified-Since");
        }
        Optional<Instant> modified = date(request.header("x-amz-copy-source-if-modified-since"));
        if (ifNoneMatch == null && modified.isPresent() && !source.lastModified().isAfter(modified.get())) {
            throw preconditionFailed("x-amz-copy-source-If-Modified-Since");
        }
    }
}

package dev.lambdaworkbook.kit.services.s3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.UnaryOperator;

/** ListObjectsV2 and ListObjects (version 1), with prefixes, delimiters, pagination and URL encoding. */
final class ListOperations {

    /** S3 returns at most 1000 keys per page, and 1000 when max-keys is not given. */
    static final int MAX_KEYS = 1000;

    /** One page of a listing: objects and common prefixes in order, and the last entry returned. */
    private record Page(List<Map.Entry<String, StoredObject>> contents, List<String> prefixes, boolean truncated,
            String lastEntry) {
    }

    private final ObjectStore store;

    ListOperations(ObjectStore store) {
        this.store = store;
    }

    S3Response listV2(S3Request request) {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        Map<String, String> query = request.query();
        UnaryOperator<String> encode = encoding(query);
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.get("delimiter");
        int maxKeys = maxKeys(query.get("max-keys"));
        String token = query.get("continuation-token");
        String startAfter = query.get("start-after");
        boolean fetchOwner = "true".equalsIgnoreCase(query.get("fetch-owner"));
        Page page = page(bucket, prefix, delimiter, startAfter, token == null ? null : decodeToken(token), maxKeys);

        S3Xml xml = S3Xml.document("ListBucketResult")
                .element("Name", bucket.name())
                .element("Prefix", encode.apply(prefix))
                .element("Delimiter", delimiter == null ? null : encode.apply(delimiter))
                .element("MaxKeys", maxKeys)
                .element("EncodingType", query.get("encoding-type"))
                .element("KeyCount", page.contents().size() + page.prefixes().size())
                .element("IsTruncated", page.truncated())
                .element("ContinuationToken", token)
                .element("NextContinuationToken", page.truncated() ? encodeToken(page.lastEntry()) : null)
                .element("StartAfter", startAfter == null ? null : encode.apply(startAfter));
        writeEntries(xml, page, encode, fetchOwner);
        return S3Response.xml(xml.finish("ListBucketResult"));
    }

    S3Response listV1(S3Request request) {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        Map<String, String> query = request.query();
        UnaryOperator<String> encode = encoding(query);
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.get("delimiter");
        String marker = query.getOrDefault("marker", "");
        int maxKeys = maxKeys(query.get("max-keys"));
        Page page = page(bucket, prefix, delimiter, marker.isEmpty() ? null : marker, null, maxKeys);

        S3Xml xml = S3Xml.document("ListBucketResult")
                .element("Name", bucket.name())
                .element("Prefix", encode.apply(prefix))
                .element("Marker", encode.apply(marker))
                .element("NextMarker", page.truncated() && delimiter != null ? encode.apply(page.lastEntry()) : null)
                .element("MaxKeys", maxKeys)
                .element("Delimiter", delimiter == null ? null : encode.apply(delimiter))
                .element("IsTruncated", page.truncated())
                .element("EncodingType", query.get("encoding-type"));
        writeEntries(xml, page, encode, true);
        return S3Response.xml(xml.finish("ListBucketResult"));
    }

    private static void writeEntries(S3Xml xml, Page page, UnaryOperator<String> encode, boolean owner) {
        for (Map.Entry<String, StoredObject> entry : page.contents()) {
            StoredObject object = entry.getValue();
            xml.open("Contents")
                    .element("Key", encode.apply(entry.getKey()))
                    .element("LastModified", S3Text.isoDate(object.lastModified()))
                    .element("ETag", object.eTag());
            if (object.checksumAlgorithm() != null) {
                xml.element("ChecksumAlgorithm", object.checksumAlgorithm().displayName())
                        .element("ChecksumType", "FULL_OBJECT");
            }
            xml.element("Size", object.size());
            if (owner) {
                xml.open("Owner").element("ID", BucketOperations.OWNER_ID)
                        .element("DisplayName", BucketOperations.OWNER_NAME).close("Owner");
            }
            xml.element("StorageClass", "STANDARD").close("Contents");
        }
        for (String commonPrefix : page.prefixes()) {
            xml.open("CommonPrefixes").element("Prefix", encode.apply(commonPrefix)).close("CommonPrefixes");
        }
    }

    /**
     * Collects up to {@code maxKeys} entries after {@code afterKey} (a start-after or marker key) and after
     * {@code afterEntry} (the last key or common prefix of the previous page). Keys that share a prefix up to the
     * delimiter count once, as that common prefix.
     */
    private static Page page(ObjectStore.Bucket bucket, String prefix, String delimiter, String afterKey,
            String afterEntry, int maxKeys) {
        List<Map.Entry<String, StoredObject>> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        if (maxKeys == 0) {
            return new Page(contents, prefixes, false, null);
        }
        NavigableMap<String, StoredObject> candidates = afterKey != null
                && S3Text.UTF8_ORDER.compare(afterKey, prefix) >= 0
                ? bucket.objects().tailMap(afterKey, false) : bucket.objects().tailMap(prefix, true);
        boolean truncated = false;
        String last = null;
        for (Map.Entry<String, StoredObject> candidate : candidates.entrySet()) {
            String key = candidate.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            String entry = commonPrefix(key, prefix, delimiter);
            boolean isPrefix = entry != null;
            if (!isPrefix) {
                entry = key;
            }
            if ((afterEntry != null && S3Text.UTF8_ORDER.compare(entry, afterEntry) <= 0)
                    || (isPrefix && entry.equals(last))) {
                continue;
            }
            if (contents.size() + prefixes.size() == maxKeys) {
                truncated = true;
                break;
            }
            if (isPrefix) {
                prefixes.add(entry);
            } else {
                contents.add(candidate);
            }
            last = entry;
        }
        return new Page(contents, prefixes, truncated, last);
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private static UnaryOperator<String> encoding(Map<String, String> query) {
        String encodingType = query.get("encoding-type");
        if (encodingType == null) {
            return UnaryOperator.identity();
        }
        if (!encodingType.equals("url")) {
            throw S3Error.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type",
                    encodingType);
        }
        return S3Text::urlEncodeForListing;
    }

    static int maxKeys(String value) {
        if (value == null) {
            return MAX_KEYS;
        }
        try {
            int maxKeys = Integer.parseInt(value.strip());
            if (maxKeys < 0) {
                throw new NumberFormatException(value);
            }
            return Math.min(maxKeys, MAX_KEYS);
        } catch (NumberFormatException invalid) {
            throw S3Error.invalidArgument("Provided max-keys not an integer or within integer range", "max-keys",
                    value);
        }
    }

    private static String encodeToken(String lastEntry) {
        return Base64.getEncoder().encodeToString(("1:" + lastEntry).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("1:")) {
                return decoded.substring(2);
            }
        } catch (IllegalArgumentException notBase64) {
            // Falls through to S3's error for a token it did not issue.
        }
        throw S3Error.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }
}

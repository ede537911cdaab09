package dev.lambdaworkbook.kit.services.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

/**
 * An object as S3 keeps it: content, ETag (quoted), last-modified time at S3's one-second resolution, the headers
 * stored with it and the flexible checksum it was written with, if any.
 */
record StoredObject(byte[] content, String eTag, Instant lastModified, Metadata metadata,
        ChecksumAlgorithm checksumAlgorithm, String checksum) {

    /** The headers S3 stores with an object and returns on GetObject and HeadObject. */
    record Metadata(String contentType, String contentEncoding, String contentDisposition, String contentLanguage,
            String cacheControl, String expires, Map<String, String> user) {

        /** S3's content type for objects written without one. */
        static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

        Metadata {
            user = Map.copyOf(user);
        }

        static Metadata of(String contentType) {
            return new Metadata(contentType, null, null, null, null, null, Map.of());
        }
    }

    /** Creates an object written in one piece: its ETag is the quoted hex MD5 of the content. */
    static StoredObject single(byte[] content, Instant now, Metadata metadata, ChecksumAlgorithm checksumAlgorithm,
            String checksum) {
        return new StoredObject(content, "\"" + HexFormat.of().formatHex(md5(content)) + "\"", truncate(now), metadata,
                checksumAlgorithm, checksum);
    }

    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    long size() {
        return content.length;
    }

    static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every JDK provides MD5", missing);
        }
    }
}

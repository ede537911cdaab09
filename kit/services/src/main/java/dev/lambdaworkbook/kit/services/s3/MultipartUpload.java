package dev.lambdaworkbook.kit.services.s3;

import java.time.Instant;
import java.util.concurrent.ConcurrentSkipListMap;

/** A multipart upload in progress: the object it will create and the parts uploaded so far, by part number. */
final class MultipartUpload {

    /** One uploaded part; a later upload with the same number replaces it. */
    record Part(int number, byte[] content, String eTag, Instant lastModified, ChecksumAlgorithm checksumAlgorithm,
            String checksum) {
    }

    private final String uploadId;
    private final String key;
    private final Instant initiated;
    private final StoredObject.Metadata metadata;
    private final ChecksumAlgorithm checksumAlgorithm;
    private final ConcurrentSkipListMap<Integer, Part> parts = new ConcurrentSkipListMap<>();

    MultipartUpload(String uploadId, String key, Instant initiated, StoredObject.Metadata metadata,
            ChecksumAlgorithm checksumAlgorithm) {
        this.uploadId = uploadId;
        this.key = key;
        this.initiated = initiated;
        this.metadata = metadata;
        this.checksumAlgorithm = checksumAlgorithm;
    }

    String uploadId() {
        return uploadId;
    }

    String key() {
        return key;
    }

    Instant initiated() {
        return initiated;
    }

    StoredObject.Metadata metadata() {
        return metadata;
    }

    /** Returns the algorithm named in CreateMultipartUpload's x-amz-checksum-algorithm, or null. */
    ChecksumAlgorithm checksumAlgorithm() {
        return checksumAlgorithm;
    }

    ConcurrentSkipListMap<Integer, Part> parts() {
        return parts;
    }

    long storedBytes() {
        long total = 0;
        for (Part part : parts.values()) {
            total += part.content().length;
        }
        return total;
    }
}

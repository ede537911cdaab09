package dev.lambdaworkbook.kit.services.s3;

import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's buckets, objects and multipart uploads, all in memory. Every byte of object and part content is
 * counted against a total, so a test that writes too much gets an S3 error instead of an OutOfMemoryError.
 */
final class ObjectStore {

    /** S3's largest object written with a single PutObject: 5 GiB. */
    static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;
    /** The largest Java byte array, which bounds one object of this in-memory store. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** A bucket: its objects in UTF-8 binary key order, and its multipart uploads in progress by upload id. */
    static final class Bucket {
        private final String name;
        private final Instant created;
        private final ConcurrentSkipListMap<String, StoredObject> objects =
                new ConcurrentSkipListMap<>(S3Text.UTF8_ORDER);
        private final ConcurrentHashMap<String, MultipartUpload> uploads = new ConcurrentHashMap<>();

        private Bucket(String name, Instant created) {
            this.name = name;
            this.created = created;
        }

        String name() {
            return name;
        }

        Instant created() {
            return created;
        }

        ConcurrentSkipListMap<String, StoredObject> objects() {
            return objects;
        }

        ConcurrentHashMap<String, MultipartUpload> uploads() {
            return uploads;
        }
    }

    private final ConcurrentSkipListMap<String, Bucket> buckets = new ConcurrentSkipListMap<>();
    private final AtomicLong usedBytes = new AtomicLong();
    private final long maxBytes;

    ObjectStore(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Returns the bucket, or throws NoSuchBucket. */
    Bucket bucket(String name) {
        Bucket bucket = name == null ? null : buckets.get(name);
        if (bucket == null) {
            throw S3Error.noSuchBucket(name);
        }
        return bucket;
    }

    Bucket bucketOrNull(String name) {
        return buckets.get(name);
    }

    Collection<Bucket> buckets() {
        return buckets.values();
    }

    /** Creates a bucket; returns false when it already exists. */
    boolean createBucket(String name, Instant now) {
        return buckets.putIfAbsent(name, new Bucket(name, StoredObject.truncate(now))) == null;
    }

    /** Deletes an empty bucket and drops its unfinished multipart uploads. */
    void deleteBucket(String name) {
        Bucket bucket = bucket(name);
        synchronized (bucket) {
            if (!bucket.objects.isEmpty()) {
                throw new S3Error(409, "BucketNotEmpty", "The bucket you tried to delete is not empty")
                        .with("BucketName", name);
            }
            buckets.remove(name, bucket);
            bucket.uploads.values().forEach(upload -> release(upload.storedBytes()));
            bucket.uploads.clear();
        }
    }

    void deleteAll() {
        for (Bucket bucket : buckets.values()) {
            synchronized (bucket) {
                buckets.remove(bucket.name, bucket);
                bucket.objects.values().forEach(object -> release(object.size()));
                bucket.uploads.values().forEach(upload -> release(upload.storedBytes()));
                bucket.objects.clear();
                bucket.uploads.clear();
            }
        }
    }

    /**
     * Checks, before reading a body, that an object or part of this length fits.
     *
     * @throws S3Error EntityTooLarge (400) over S3's 5 GiB limit; InsufficientStorage (507) when it does not fit in
     *     one Java array or in what is left of the store's memory budget
     */
    void checkLength(long length) {
        if (length > MAX_SINGLE_PUT) {
            throw new S3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
                    .with("ProposedSize", length).with("MaxSizeAllowed", MAX_SINGLE_PUT);
        }
        if (length > MAX_ARRAY) {
            throw insufficientStorage(length, "one object or part of this in-memory server stores at most "
                    + MAX_ARRAY + " bytes");
        }
        if (length > maxBytes - usedBytes.get()) {
            throw insufficientStorage(length, "this in-memory server stores at most " + maxBytes
                    + " bytes and already stores " + usedBytes.get());
        }
    }

    /** Stores an object, replacing any object with the same key. */
    void putObject(Bucket bucket, String key, StoredObject object) {
        synchronized (bucket) {
            if (buckets.get(bucket.name) != bucket) {
                throw S3Error.noSuchBucket(bucket.name);
            }
            reserve(object.size());
            StoredObject previous = bucket.objects.put(key, object);
            if (previous != null) {
                release(previous.size());
            }
        }
    }

    void deleteObject(Bucket bucket, String key) {
        synchronized (bucket) {
            StoredObject previous = bucket.objects.remove(key);
            if (previous != null) {
                release(previous.size());
            }
        }
    }

    /** Stores a part, replacing a previous part with the same number. */
    void putPart(MultipartUpload upload, MultipartUpload.Part part) {
        synchronized (upload) {
            reserve(part.content().length);
            MultipartUpload.Part previous = upload.parts().put(part.number(), part);
            if (previous != null) {
                release(previous.content().length);
            }
        }
    }

    /** Removes an upload and frees its parts; returns false when it was already gone. */
    boolean removeUpload(Bucket bucket, MultipartUpload upload) {
        synchronized (upload) {
            if (!bucket.uploads.remove(upload.uploadId(), upload)) {
                return false;
            }
            release(upload.storedBytes());
            return true;
        }
    }

    private void reserve(long bytes) {
        long before;
        do {
            before = usedBytes.get();
            if (before + bytes > maxBytes) {
                throw insufficientStorage(bytes, "this in-memory server stores at most " + maxBytes
                        + " bytes and already stores " + before);
            }
        } while (!usedBytes.compareAndSet(before, before + bytes));
    }

    private void release(long bytes) {
        usedBytes.addAndGet(-bytes);
    }

    private static S3Error insufficientStorage(long length, String reason) {
        return new S3Error(507, "InsufficientStorage", "Not enough memory to store " + length + " more bytes: "
                + reason + ". Delete objects or start the server with more heap (-Xmx).")
                .with("ProposedSize", length);
    }
}

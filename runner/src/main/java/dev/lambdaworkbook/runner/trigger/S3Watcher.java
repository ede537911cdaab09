package dev.lambdaworkbook.runner.trigger;

import dev.lambdaworkbook.kit.services.s3.LocalS3Server;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Notices objects created in the local S3 server by listing its buckets: the embedded server has no notification
 * hook, and a listing every few hundred milliseconds is enough for a person uploading files by hand.
 */
public final class S3Watcher {

    /** One object that is new, or rewritten with other content, since the previous look. */
    public record Created(String bucket, String key, long size, String eTag) {

        /** Returns S3's event name: multipart uploads have an ETag with a part count after a dash. */
        public String eventName() {
            return eTag.contains("-") ? "ObjectCreated:CompleteMultipartUpload" : "ObjectCreated:Put";
        }
    }

    private final LocalS3Server server;
    private final List<String> buckets;
    private final Map<String, String> seen = new HashMap<>();

    public S3Watcher(LocalS3Server server, List<String> buckets) {
        this.server = server;
        this.buckets = List.copyOf(buckets);
    }

    /** Returns what changed since the previous call, bucket by bucket, in S3's listing order. */
    public List<Created> poll() {
        List<Created> created = new ArrayList<>();
        for (String bucket : buckets) {
            for (S3Object object : server.client().listObjectsV2Paginator(request -> request.bucket(bucket)).contents()) {
                String eTag = object.eTag() == null ? "" : object.eTag().replace("\"", "");
                String id = bucket + "/" + object.key();
                if (!eTag.equals(seen.put(id, eTag))) {
                    created.add(new Created(bucket, object.key(), object.size(), eTag));
                }
            }
        }
        return created;
    }
}

package dev.lambdaworkbook.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Uploads the package to the student's artifacts bucket, as the course does for large packages: Lambda then takes
 * the code from S3 instead of from the request. The object key contains the package's SHA-256, so an unchanged
 * package is not uploaded twice.
 */
final class ArtifactUpload {

    /** The package's location in S3. */
    record Location(String bucket, String key) {
    }

    private final S3Client s3;
    private final Buckets buckets;
    private final Changes changes;

    ArtifactUpload(S3Client s3, Buckets buckets, Changes changes) {
        this.s3 = s3;
        this.buckets = buckets;
        this.changes = changes;
    }

    Location upload(Path zip, String sha256Hex, Names names, String account, String region) {
        String bucket = names.artifactsBucket(account, region);
        buckets.ensure(bucket, "bucket de artefactos", names.tags());
        String key = names.function() + "/" + sha256Hex + ".zip";
        String what = "paquete s3://" + bucket + "/" + key + " (" + PackageCheck.size(size(zip)) + ")";
        if (exists(bucket, key)) {
            changes.unchanged(what);
        } else if (changes.create(what)) {
            s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/zip"),
                    RequestBody.fromFile(zip));
        }
        return new Location(bucket, key);
    }

    private boolean exists(String bucket, String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (S3Exception missing) {
            if (AwsErrors.notFound(missing)) {
                return false;
            }
            throw missing;
        }
    }

    private static long size(Path zip) {
        try {
            return Files.size(zip);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

package dev.lambdaworkbook.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** S3 buckets the script creates: the template's buckets and the artifacts bucket, in the function's region. */
final class Buckets {

    private final S3Client s3;
    private final Changes changes;
    private final String region;

    Buckets(S3Client s3, Changes changes, String region) {
        this.s3 = s3;
        this.changes = changes;
        this.region = region;
    }

    /** Ensures the bucket exists in the function's region; creates it with the tags when it does not exist. */
    void ensure(String bucket, String purpose, Map<String, String> tags) {
        String what = purpose + " '" + bucket + "'";
        Optional<String> existingRegion = regionOf(bucket);
        if (existingRegion.isPresent()) {
            requireSameRegion(bucket, existingRegion.get());
            changes.unchanged(what);
            return;
        }
        if (!changes.create(what + " en " + region)) {
            return;
        }
        try {
            s3.createBucket(request -> {
                request.bucket(bucket);
                if (!"us-east-1".equals(region)) {
                    request.createBucketConfiguration(configuration -> configuration.locationConstraint(region));
                }
            });
        } catch (BucketAlreadyOwnedByYouException alreadyOurs) {
            // A previous run was interrupted right after creating it: nothing to do but tag it.
        }
        s3.putBucketTagging(request -> request.bucket(bucket).tagging(tagging -> tagging.tagSet(
                tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                        .toList())));
    }

    /** Returns the bucket's region, or empty when no bucket has that name. */
    Optional<String> regionOf(String bucket) {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (S3Exception failed) {
            if (failed.statusCode() == 403) {
                throw new DeployException(DeployException.FAILED, "El bucket '" + bucket + "' existe, pero no es "
                        + "accesible con tus credenciales: o es de otra cuenta (los nombres de bucket son únicos en "
                        + "todo AWS) o te falta el permiso s3:ListBucket. Prueba con otro prefijo: --prefijo OTRO",
                        failed);
            }
            if (AwsErrors.notFound(failed)) {
                return Optional.empty();
            }
            throw failed;
        }
        String constraint = s3.getBucketLocation(request -> request.bucket(bucket)).locationConstraintAsString();
        if (constraint == null || constraint.isEmpty()) {
            return Optional.of("us-east-1");
        }
        return Optional.of("EU".equals(constraint) ? "eu-west-1" : constraint);
    }

    /** Returns the bucket's tags, empty when it has none. */
    Map<String, String> tags(String bucket) {
        Map<String, String> tags = new LinkedHashMap<>();
        try {
            s3.getBucketTagging(request -> request.bucket(bucket)).tagSet()
                    .forEach(tag -> tags.put(tag.key(), tag.value()));
        } catch (S3Exception none) {
            if (!AwsErrors.notFound(none)) {
                throw none;
            }
        }
        return tags;
    }

    private void requireSameRegion(String bucket, String bucketRegion) {
        if (!bucketRegion.equals(region)) {
            throw new DeployException(DeployException.USAGE, "El bucket '" + bucket + "' está en la región '"
                    + bucketRegion + "' y la función se despliega en '" + region + "'. Lambda solo lee código y "
                    + "recibe notificaciones de buckets de su misma región: despliega con --region " + bucketRegion
                    + " o usa otro prefijo (--prefijo OTRO) para crear buckets nuevos en " + region + ".");
        }
    }
}

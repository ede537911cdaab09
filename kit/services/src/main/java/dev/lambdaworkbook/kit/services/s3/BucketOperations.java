package dev.lambdaworkbook.kit.services.s3;

import java.io.IOException;
import java.time.Clock;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** CreateBucket, HeadBucket, DeleteBucket, ListBuckets and GetBucketLocation. */
final class BucketOperations {

    /** The canonical user id of the one account this server has; S3 shows it as the owner of every bucket and object. */
    static final String OWNER_ID = "7a3f5c0e9b1d4e2a8c6b0f1e3d5a7c9b2e4f6a8c0d2b4e6f8a1c3e5d7b9f0a2c";
    static final String OWNER_NAME = "workbook-local";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    /** Largest CreateBucketConfiguration body read. */
    private static final long MAX_CONFIGURATION = 64 * 1024;

    private final ObjectStore store;
    private final Clock clock;
    private final String region;

    BucketOperations(ObjectStore store, Clock clock, String region) {
        this.store = store;
        this.clock = clock;
        this.region = region;
    }

    /** Returns whether S3 accepts this name for a new bucket (general purpose bucket naming rules). */
    static boolean isValidName(String name) {
        return NAME.matcher(name).matches() && !name.contains("..") && !IP_ADDRESS.matcher(name).matches()
                && !name.startsWith("xn--") && !name.startsWith("sthree-") && !name.startsWith("amzn-s3-demo-")
                && !name.endsWith("-s3alias") && !name.endsWith("--ol-s3") && !name.endsWith(".mrap")
                && !name.endsWith("--x-s3") && !name.endsWith("--table-s3");
    }

    S3Response listBuckets(S3Request request) {
        String prefix = request.query().getOrDefault("prefix", "");
        S3Xml xml = S3Xml.document("ListAllMyBucketsResult")
                .open("Owner").element("ID", OWNER_ID).element("DisplayName", OWNER_NAME).close("Owner")
                .open("Buckets");
        for (ObjectStore.Bucket bucket : store.buckets()) {
            if (bucket.name().startsWith(prefix)) {
                xml.open("Bucket")
                        .element("Name", bucket.name())
                        .element("CreationDate", S3Text.isoDate(bucket.created()))
                        .element("BucketRegion", region)
                        .close("Bucket");
            }
        }
        xml.close("Buckets");
        if (request.has("prefix")) {
            xml.element("Prefix", prefix);
        }
        return S3Response.xml(xml.finish("ListAllMyBucketsResult"));
    }

    S3Response createBucket(S3Request request) throws IOException {
        String name = request.bucket();
        if (!isValidName(name)) {
            throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid.").with("BucketName", name);
        }
        byte[] configuration = request.body(length -> {
            if (length > MAX_CONFIGURATION) {
                throw new S3Error(400, "MaxMessageLengthExceeded", "Your request was too big.");
            }
        }).content();
        checkLocation(configuration);
        if (!store.createBucket(name, clock.instant())) {
            throw new S3Error(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket "
                    + "succeeded and you already own it.").with("BucketName", name);
        }
        return S3Response.empty(200).header("Location", "/" + name);
    }

    /** Checks the LocationConstraint: a regional endpoint only creates buckets in its own region. */
    private void checkLocation(byte[] configuration) {
        String constraint = null;
        if (configuration.length > 0) {
            Element root = S3Xml.parse(configuration, "CreateBucketConfiguration");
            constraint = S3Xml.childText(root, "LocationConstraint");
        }
        if (constraint == null || constraint.isBlank()) {
            throw new S3Error(400, "IllegalLocationConstraintException", "The unspecified location constraint is "
                    + "incompatible for the region specific endpoint this request was sent to.");
        }
        if (!constraint.strip().equals(region)) {
            throw new S3Error(400, "IllegalLocationConstraintException", "The " + constraint.strip()
                    + " location constraint is incompatible for the region specific endpoint this request was sent "
                    + "to.");
        }
    }

    S3Response headBucket(S3Request request) {
        store.bucket(request.bucket());
        return S3Response.empty(200)
                .header("x-amz-bucket-region", region)
                .header("x-amz-access-point-alias", "false");
    }

    S3Response deleteBucket(S3Request request) {
        store.deleteBucket(request.bucket());
        return S3Response.empty(204);
    }

    S3Response location(S3Request request) {
        store.bucket(request.bucket());
        return S3Response.xml(S3Xml.document("LocationConstraint").text(region).finish("LocationConstraint"));
    }
}

package dev.lambdaworkbook.kit.services.s3;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An S3 error response: HTTP status, S3 error code, S3's English message and the extra elements S3 adds to the
 * {@code <Error>} document (such as {@code <Key>} or {@code <BucketName>}). Operations throw it; the dispatcher
 * writes it as S3's XML error body.
 */
final class S3Error extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> details = new LinkedHashMap<>();

    S3Error(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** Adds an element after {@code <Message>}, in call order; a null value is left out. */
    S3Error with(String element, Object value) {
        if (value != null) {
            details.put(element, value.toString());
        }
        return this;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> details() {
        return details;
    }

    static S3Error noSuchBucket(String bucket) {
        return new S3Error(404, "NoSuchBucket", "The specified bucket does not exist").with("BucketName", bucket);
    }

    static S3Error noSuchKey(String key) {
        return new S3Error(404, "NoSuchKey", "The specified key does not exist.").with("Key", key);
    }

    static S3Error noSuchUpload(String uploadId) {
        return new S3Error(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                + "or the upload may have been aborted or completed.").with("UploadId", uploadId);
    }

    static S3Error invalidArgument(String message, String name, String value) {
        return new S3Error(400, "InvalidArgument", message).with("ArgumentName", name).with("ArgumentValue", value);
    }

    static S3Error invalidRequest(String message) {
        return new S3Error(400, "InvalidRequest", message);
    }

    static S3Error malformedXml() {
        return new S3Error(400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
                + "against our published schema");
    }

    static S3Error notImplemented(String operation) {
        return new S3Error(501, "NotImplemented", "The local S3 server does not implement the " + operation
                + " operation.").with("Operation", operation);
    }
}

package dev.lambdaworkbook.ticks;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An output stream to one S3 object that appears only when {@link #complete()} succeeds: a file smaller than one
 * part goes up with a single PutObject at the end, a larger one as a multipart upload that {@link #abort(Throwable)} cancels.
 *
 * <p>Memory use is one part buffer ({@link #PART_SIZE}) whatever the object's size.
 */
final class S3MultipartOutput extends OutputStream {

    /** Size of each uploaded part; S3 requires at least 5 MiB for every part but the last. */
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final byte[] part = new byte[PART_SIZE];
    private final List<CompletedPart> parts = new ArrayList<>();
    private int size;
    private String uploadId;

    S3MultipartOutput(S3Client s3, String bucket, String key, String contentType) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
    }

    @Override
    public void write(int b) {
        if (size == PART_SIZE) {
            uploadPart();
        }
        part[size++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int from = offset;
        int left = length;
        while (left > 0) {
            if (size == PART_SIZE) {
                uploadPart();
            }
            int chunk = Math.min(left, PART_SIZE - size);
            System.arraycopy(bytes, from, part, size, chunk);
            size += chunk;
            from += chunk;
            left -= chunk;
        }
    }

    /** Makes the object visible with everything written so far. */
    void complete() {
        if (uploadId == null) {
            s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType), body());
            return;
        }
        uploadPart();
        s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(parts)));
    }

    /**
     * Cancels the upload so that no object and no stored parts remain. A failure to cancel is added to
     * {@code cause}, the failure being reported, instead of hiding it.
     */
    void abort(Throwable cause) {
        if (uploadId == null) {
            return;
        }
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException abortFailed) {
            cause.addSuppressed(abortFailed);
        }
    }

    private void uploadPart() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key).contentType(contentType))
                    .uploadId();
        }
        int number = parts.size() + 1;
        String etag = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                .partNumber(number), body()).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        size = 0;
    }

    /** Returns the buffered bytes as a request body without copying them. */
    private RequestBody body() {
        return RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, size), size);
    }
}

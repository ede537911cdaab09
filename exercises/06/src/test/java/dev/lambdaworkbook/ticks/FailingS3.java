package dev.lambdaworkbook.ticks;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.DelegatingS3Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Wraps a real S3 client so that every object body read through {@code getObject}, in any of its forms, breaks
 * after a given number of bytes, as when the connection drops halfway through a download. Every other call goes to
 * the real server.
 *
 * <p>Every form of {@code getObject} (a stream, bytes, a file) ends in the one that takes a response transformer,
 * so that one is the only method overridden. When a transformer reads the whole body inside the SDK, as
 * {@code getObjectAsBytes} does, the cut reaches the SDK first, and the SDK decides whether to retry.
 */
final class FailingS3 extends DelegatingS3Client {

    private final long bytes;

    private FailingS3(S3Client real, long bytes) {
        super(real);
        this.bytes = bytes;
    }

    static S3Client failingAfter(S3Client real, long bytes) {
        return new FailingS3(real, bytes);
    }

    @Override
    public <ReturnT> ReturnT getObject(GetObjectRequest request,
            ResponseTransformer<GetObjectResponse, ReturnT> transformer) {
        return super.getObject(request, new ResponseTransformer<>() {
            @Override
            public ReturnT transform(GetObjectResponse response, AbortableInputStream body) throws Exception {
                return transformer.transform(response, AbortableInputStream.create(breaking(body), body::abort));
            }

            @Override
            public boolean needsConnectionLeftOpen() {
                return transformer.needsConnectionLeftOpen();
            }

            @Override
            public String name() {
                return transformer.name();
            }
        });
    }

    private InputStream breaking(InputStream body) {
        return new FilterInputStream(body) {
            private long left = bytes;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("Conexión cortada (simulada por la prueba)");
                }
                left--;
                return super.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    throw new IOException("Conexión cortada (simulada por la prueba)");
                }
                int read = super.read(buffer, offset, (int) Math.min(length, left));
                if (read > 0) {
                    left -= read;
                }
                return read;
            }
        };
    }
}

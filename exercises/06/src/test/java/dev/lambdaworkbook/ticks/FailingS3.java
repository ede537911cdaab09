package dev.lambdaworkbook.ticks;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Wraps a real S3 client so that every object read through {@code getObject} breaks after a given number of bytes,
 * as when the connection drops halfway through a download. Every other call goes to the real server.
 */
final class FailingS3 {

    private FailingS3() {
    }

    static S3Client failingAfter(S3Client real, long bytes) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (result instanceof ResponseInputStream<?> stream && method.getName().startsWith("getObject")) {
                return wrap(stream, bytes);
            }
            return result;
        };
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                handler);
    }

    private static Object invoke(S3Client real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }

    private static <T> ResponseInputStream<T> wrap(ResponseInputStream<T> stream, long bytes) {
        InputStream breaking = new FilterInputStream(stream) {
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
        return new ResponseInputStream<>(stream.response(), AbortableInputStream.create(breaking, stream::abort));
    }
}

package dev.lambdaworkbook.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.lambdaworkbook.kit.services.s3.LocalS3Server;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Measures, in one fresh JVM, the CPU time of the local S3 server's start as a graded test JVM meets it: starting
 * the server and creating a bucket, then building the SDK client and doing the first PutObject and GetObject. CPU
 * time is the whole process's (every thread, JIT and GC included), so it counts the work a class of students pays.
 * Prints one line: {@code start_ms first_put_get_ms} of CPU time.
 */
public final class LocalS3Startup {

    private LocalS3Startup() {
    }

    public static void main(String[] args) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        try (LocalS3Server server = LocalS3Server.start()) {
            server.createBucket("bench");
            long started = os.getProcessCpuTime();
            S3Client client = server.client();
            client.putObject(r -> r.bucket("bench").key("a.csv"), RequestBody.fromString("FECHA;PRECIO\n"));
            byte[] read = client.getObjectAsBytes(r -> r.bucket("bench").key("a.csv")).asByteArray();
            long done = os.getProcessCpuTime();
            if (!Arrays.equals("FECHA;PRECIO\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), read)) {
                throw new IllegalStateException("El objeto leído no es el escrito.");
            }
            System.out.printf(Locale.ROOT, "%.1f %.1f%n", (started - before) / 1e6, (done - started) / 1e6);
        }
    }
}

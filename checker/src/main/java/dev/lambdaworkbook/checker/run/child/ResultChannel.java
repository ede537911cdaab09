package dev.lambdaworkbook.checker.run.child;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The child's end of the results channel: authenticated frames written to the process's original standard output.
 *
 * <p>Each frame is one line {@code @@wb <sequence> <HMAC-SHA256 hex> <Base64 JSON>}, where the MAC covers the
 * sequence number and the payload and is keyed with the per-run secret the checker sent on standard input before
 * any student class was loaded. Student code cannot forge a frame without the secret and cannot replay one,
 * because the checker accepts only increasing sequence numbers. Student output never reaches this stream: the
 * harness replaces {@code System.out} and {@code System.err} before the tests start.
 */
final class ResultChannel {

    static final String MARKER = "@@wb";

    private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    private final Mac mac;
    private long sequence;

    ResultChannel(byte[] secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 no está disponible en esta JVM", unavailable);
        }
    }

    /** Sends one JSON payload as a frame; a leading newline keeps the frame on its own line after stray bytes. */
    synchronized void send(String json) {
        String payload = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        long number = sequence++;
        byte[] signature = mac.doFinal((number + ":" + payload).getBytes(StandardCharsets.UTF_8));
        String line = "\n" + MARKER + " " + number + " " + HexFormat.of().formatHex(signature) + " " + payload + "\n";
        try {
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closed) {
            // The checker reads the missing frames as "the submission ended the JVM"; nothing else to do here.
        }
    }
}

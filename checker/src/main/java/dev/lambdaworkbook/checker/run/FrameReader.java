package dev.lambdaworkbook.checker.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads the child's standard output and queues the frames whose MAC verifies with this run's secret and whose
 * sequence number is the next one expected. Anything else (stray bytes, forged or replayed frames) is counted
 * and dropped. Lines are capped so a flood without line breaks cannot exhaust the checker's memory.
 */
final class FrameReader implements Runnable {

    /** The queue item that marks the end of the child's output. */
    static final JsonNode END = new ObjectMapper().createObjectNode().put("t", "end");

    private static final int LINE_LIMIT = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream stream;
    private final byte[] secret;
    private final BlockingQueue<JsonNode> frames;
    private long expected;
    private volatile int rejected;
    /** Created on the first frame and kept: only the reading thread uses it, and doFinal resets it. */
    private Mac mac;

    FrameReader(InputStream stream, byte[] secret, BlockingQueue<JsonNode> frames) {
        this.stream = stream;
        this.secret = secret.clone();
        this.frames = frames;
    }

    int rejected() {
        return rejected;
    }

    @Override
    public void run() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean overlong = false;
            for (int b = stream.read(); b >= 0; b = stream.read()) {
                if (b == '\n') {
                    if (!overlong) {
                        accept(line.toString(StandardCharsets.US_ASCII));
                    }
                    line.reset();
                    overlong = false;
                } else if (line.size() < LINE_LIMIT) {
                    line.write(b);
                } else {
                    overlong = true;
                }
            }
        } catch (IOException closed) {
            // The process ended or was killed: the queue's END item tells the runner.
        } finally {
            frames.add(END);
        }
    }

    private void accept(String line) {
        if (line.isEmpty()) {
            return;
        }
        String[] parts = line.split(" ");
        if (parts.length != 4 || !parts[0].equals("@@wb")) {
            rejected++;
            return;
        }
        try {
            long sequence = Long.parseLong(parts[1]);
            byte[] expectedMac = mac((parts[1] + ":" + parts[3]).getBytes(StandardCharsets.US_ASCII));
            if (sequence != expected || !MessageDigest.isEqual(expectedMac, HexFormat.of().parseHex(parts[2]))) {
                rejected++;
                return;
            }
            expected++;
            frames.add(JSON.readTree(Base64.getDecoder().decode(parts[3])));
        } catch (IllegalArgumentException | IOException malformed) {
            rejected++;
        }
    }

    private byte[] mac(byte[] data) {
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            } catch (GeneralSecurityException unavailable) {
                throw new IllegalStateException("HmacSHA256 no está disponible en esta JVM", unavailable);
            }
        }
        return mac.doFinal(data);
    }
}

package dev.lambdaworkbook.kit.services.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes a {@code Content-Encoding: aws-chunked} body: {@code HEX-SIZE[;chunk-signature=SIG]CRLF DATA CRLF} chunks,
 * a final zero-size chunk, then optional trailer lines ({@code x-amz-checksum-crc32:VALUE}, and
 * {@code x-amz-trailer-signature:SIG} when signed) and an empty line. Signed forms chain each chunk's signature on the
 * previous one, starting from the request's own signature.
 */
final class AwsChunkedDecoder {

    /** Maximum length of a chunk header or trailer line: room for a size, a 64-hex signature and more. */
    private static final int MAX_LINE = 4096;
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    /** The decoded content and the trailers sent after it, names in lower case. */
    record Decoded(byte[] content, Map<String, String> trailers) {
    }

    private final InputStream in;
    private final SigV4Verifier.Signature signature;
    private final boolean signedChunks;
    private final boolean signedTrailer;

    /**
     * @param signedChunks whether every chunk carries a chunk signature to verify
     * @param signedTrailer whether the trailers end with an {@code x-amz-trailer-signature} to verify
     */
    AwsChunkedDecoder(InputStream in, SigV4Verifier.Signature signature, boolean signedChunks, boolean signedTrailer) {
        this.in = in;
        this.signature = signature;
        this.signedChunks = signedChunks;
        this.signedTrailer = signedTrailer;
    }

    /**
     * Reads the whole body.
     *
     * @throws S3Error IncompleteBody when the chunks do not add up to {@code decodedLength}, SignatureDoesNotMatch
     *     when a chunk or trailer signature is wrong, InvalidRequest when the framing is broken
     */
    Decoded decode(int decodedLength) throws IOException {
        byte[] content = new byte[decodedLength];
        int filled = 0;
        String previous = signature.seedSignature();
        while (true) {
            String header = readLine();
            int size = chunkSize(header);
            if (size > decodedLength - filled) {
                throw incompleteBody();
            }
            if (in.readNBytes(content, filled, size) != size) {
                throw incompleteBody();
            }
            if (signedChunks) {
                String expected = signature.chunkSignature(previous,
                        SigV4Verifier.sha256Hex(content, filled, size));
                if (!SigV4Verifier.constantTimeEquals(expected, chunkSignature(header))) {
                    throw signatureMismatch("chunk");
                }
                previous = expected;
            }
            filled += size;
            if (size == 0) {
                break;
            }
            if (!readLine().isEmpty()) {
                throw framingError("a chunk of " + size + " bytes is not followed by CRLF");
            }
        }
        if (filled != decodedLength) {
            throw incompleteBody();
        }
        return new Decoded(content, readTrailers(previous));
    }

    private Map<String, String> readTrailers(String previous) throws IOException {
        Map<String, String> trailers = new LinkedHashMap<>();
        StringBuilder canonical = new StringBuilder();
        String trailerSignature = null;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw framingError("the trailer line '" + line + "' has no name");
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals(TRAILER_SIGNATURE)) {
                trailerSignature = value;
            } else {
                trailers.put(name, value);
                canonical.append(name).append(':').append(value).append('\n');
            }
        }
        if (signedTrailer && !trailers.isEmpty()) {
            String expected = signature.trailerSignature(previous, canonical.toString());
            if (!SigV4Verifier.constantTimeEquals(expected, trailerSignature)) {
                throw signatureMismatch("trailer");
            }
        }
        return trailers;
    }

    private static int chunkSize(String header) {
        int semicolon = header.indexOf(';');
        String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).strip();
        try {
            int size = Integer.parseInt(hex, 16);
            if (size < 0) {
                throw new NumberFormatException(hex);
            }
            return size;
        } catch (NumberFormatException invalid) {
            throw framingError("the chunk size '" + hex + "' is not a hexadecimal number");
        }
    }

    private static String chunkSignature(String header) {
        int at = header.indexOf(";chunk-signature=");
        return at < 0 ? null : header.substring(at + ";chunk-signature=".length()).strip();
    }

    /** Reads up to CRLF (or a bare LF); the line end is not returned. End of stream is an incomplete body. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(96);
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw incompleteBody();
            }
            if (next == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw framingError("a chunk header or trailer line is longer than " + MAX_LINE + " bytes");
            }
            line.write(next);
        }
    }

    private static S3Error incompleteBody() {
        return new S3Error(400, "IncompleteBody", "The request body terminated unexpectedly");
    }

    private static S3Error framingError(String reason) {
        return S3Error.invalidRequest("Invalid aws-chunked encoding: " + reason + ".");
    }

    private static S3Error signatureMismatch(String signedPart) {
        return new S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                + "signature you provided. Check your key and signing method. (" + signedPart + " signature)");
    }
}

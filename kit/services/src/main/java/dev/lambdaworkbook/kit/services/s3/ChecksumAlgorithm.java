package dev.lambdaworkbook.kit.services.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The flexible checksums S3 accepts: sent as {@code x-amz-checksum-NAME} headers or aws-chunked trailers, base64 of
 * the big-endian checksum bytes, and returned as the same headers and as {@code ChecksumNAME} XML elements.
 */
enum ChecksumAlgorithm {
    CRC32("CRC32"),
    CRC32C("CRC32C"),
    CRC64NVME("CRC64NVME"),
    SHA1("SHA1"),
    SHA256("SHA256");

    /** CRC-64/NVME: polynomial 0xAD93D23594C93659, bit-reflected, initial value and final XOR all ones. */
    private static final long CRC64_NVME_REFLECTED_POLYNOMIAL = 0x9A6C9329AC4BC9B5L;
    private static final long[] CRC64_TABLE = crc64Table();

    private final String displayName;

    ChecksumAlgorithm(String displayName) {
        this.displayName = displayName;
    }

    /** Returns the header that carries this checksum, such as {@code x-amz-checksum-crc32}. */
    String headerName() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    /** Returns the XML element of listings and results, such as {@code ChecksumCRC32}. */
    String xmlElement() {
        return "Checksum" + displayName;
    }

    String displayName() {
        return displayName;
    }

    /** Returns the algorithm of a header or trailer name ({@code x-amz-checksum-crc32}), or null for another name. */
    static ChecksumAlgorithm ofHeader(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.headerName().equals(lower)) {
                return algorithm;
            }
        }
        return null;
    }

    /** Returns the algorithm of an {@code x-amz-checksum-algorithm} value such as {@code CRC32}, or null. */
    static ChecksumAlgorithm ofName(String name) {
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.displayName.equalsIgnoreCase(name.strip())) {
                return algorithm;
            }
        }
        return null;
    }

    /** Returns the checksum of the content as S3 sends it: base64 of the big-endian bytes. */
    String compute(byte[] content) {
        return compute(content, 0, content.length);
    }

    String compute(byte[] content, int offset, int length) {
        byte[] raw = switch (this) {
            case CRC32 -> crc(new CRC32(), content, offset, length);
            case CRC32C -> crc(new CRC32C(), content, offset, length);
            case CRC64NVME -> ByteBuffer.allocate(Long.BYTES).putLong(crc64Nvme(content, offset, length)).array();
            case SHA1 -> digest("SHA-1", content, offset, length);
            case SHA256 -> digest("SHA-256", content, offset, length);
        };
        return Base64.getEncoder().encodeToString(raw);
    }

    /** Returns whether a base64 value decodes to the length of this algorithm's checksum. */
    boolean isWellFormed(String base64) {
        try {
            int length = Base64.getDecoder().decode(base64.strip()).length;
            return length == switch (this) {
                case CRC32, CRC32C -> 4;
                case CRC64NVME -> 8;
                case SHA1 -> 20;
                case SHA256 -> 32;
            };
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static byte[] crc(Checksum checksum, byte[] content, int offset, int length) {
        checksum.update(content, offset, length);
        return ByteBuffer.allocate(Integer.BYTES).putInt((int) checksum.getValue()).array();
    }

    private static byte[] digest(String algorithm, byte[] content, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(content, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every JDK provides " + algorithm, missing);
        }
    }

    static long crc64Nvme(byte[] content, int offset, int length) {
        long crc = -1L;
        for (int i = offset; i < offset + length; i++) {
            crc = CRC64_TABLE[(int) ((crc ^ content[i]) & 0xFF)] ^ (crc >>> 8);
        }
        return ~crc;
    }

    private static long[] crc64Table() {
        long[] table = new long[256];
        for (int n = 0; n < 256; n++) {
            long value = n;
            for (int bit = 0; bit < 8; bit++) {
                value = (value & 1) != 0 ? (value >>> 1) ^ CRC64_NVME_REFLECTED_POLYNOMIAL : value >>> 1;
            }
            table[n] = value;
        }
        return table;
    }
}

package dev.lambdaworkbook.kit.services.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Text rules of the S3 wire format: percent-encoding, key order and date formats. */
final class S3Text {

    /** UTF-8 binary order, the order S3 lists keys in; for strings it equals Unicode code point order. */
    static final Comparator<String> UTF8_ORDER = S3Text::compareCodePoints;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private S3Text() {
    }

    private static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }

    /**
     * Decodes %XX escapes as UTF-8. A '+' stays a plus sign: in paths and in the SDK's query strings a space is
     * always sent as %20.
     *
     * @throws IllegalArgumentException on a truncated or non-hex escape
     */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("truncated escape in '" + raw + "'");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("invalid escape in '" + raw + "'");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Encodes as AWS Signature V4 does: unreserved characters (A-Z a-z 0-9 - _ . ~) stay, every other UTF-8 byte
     * becomes %XX with upper-case hex; '/' stays too when {@code keepSlash}.
     */
    static String uriEncode(String text, boolean keepSlash) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    /**
     * Encodes a listed key or prefix for {@code encoding-type=url}, as S3 does: form encoding, so a space becomes
     * '+' and a plus sign becomes %2B; '/' stays readable.
     */
    static String urlEncodeForListing(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || c == '/') {
                encoded.append(c);
            } else if (c == ' ') {
                encoded.append('+');
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    /** Formats an instant as an HTTP date (RFC 1123, GMT), as in Last-Modified. */
    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /** Formats an instant as S3's XML timestamps do: ISO 8601 with milliseconds, UTC. */
    static String isoDate(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** Parses an HTTP date; an unparseable date is empty, so the condition that carries it is ignored, as RFC 9110 requires. */
    static Optional<Instant> parseHttpDate(String value) {
        try {
            return Optional.of(Instant.from(HTTP_DATE.parse(value.strip())));
        } catch (DateTimeParseException unparseable) {
            return Optional.empty();
        }
    }
}

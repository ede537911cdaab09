package dev.lambdaworkbook.kit.services.s3;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 as S3 does: in the Authorization header, or in the query string of a presigned
 * URL. S3 builds the canonical URI from the path encoded once, never twice as other AWS services do.
 */
final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** S3 rejects requests signed more than 15 minutes away from its clock. */
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    /** Presigned URLs live at most 7 days. */
    private static final long MAX_EXPIRES_SECONDS = 604_800;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final String SERVICE = "s3";
    private static final String TERMINATOR = "aws4_request";

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final Clock clock;
    private final Map<String, byte[]> signingKeys = new ConcurrentHashMap<>();

    SigV4Verifier(String accessKey, String secretKey, String region, Clock clock) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.clock = clock;
    }

    /** The signing context of a verified request, needed to verify aws-chunked chunk and trailer signatures. */
    record Signature(String amzDate, String scope, byte[] signingKey, String seedSignature, String payloadHash) {

        String chunkSignature(String previous, String chunkSha256) {
            String stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scope + "\n" + previous + "\n"
                    + EMPTY_SHA256 + "\n" + chunkSha256;
            return HexFormat.of().formatHex(hmac(signingKey, stringToSign));
        }

        String trailerSignature(String previous, String canonicalTrailers) {
            String stringToSign = "AWS4-HMAC-SHA256-TRAILER\n" + amzDate + "\n" + scope + "\n" + previous + "\n"
                    + sha256Hex(canonicalTrailers.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hmac(signingKey, stringToSign));
        }
    }

    /**
     * Verifies the request's signature.
     *
     * @throws S3Error AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch, RequestTimeTooSkewed or a
     *     malformed-authorization error, with S3's codes and messages
     */
    Signature verify(S3Request request) {
        String authorization = request.header("Authorization");
        boolean presigned = request.query().containsKey("X-Amz-Algorithm") || request.query().containsKey("X-Amz-Signature");
        if (authorization != null && presigned) {
            throw new S3Error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm "
                    + "query parameter, Signature query string parameter or the Authorization header should be "
                    + "specified").with("ArgumentName", "Authorization").with("ArgumentValue", authorization);
        }
        if (presigned) {
            return verifyQuery(request);
        }
        if (authorization == null) {
            throw new S3Error(403, "AccessDenied", "Access Denied");
        }
        return verifyHeader(request, authorization);
    }

    private Signature verifyHeader(S3Request request, String authorization) {
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw S3Error.invalidArgument("Unsupported Authorization Type", "Authorization", authorization);
        }
        Map<String, String> fields = authorizationFields(authorization.substring(ALGORITHM.length() + 1));
        String credential = fields.get("Credential");
        String signedHeaders = fields.get("SignedHeaders");
        String provided = fields.get("Signature");
        if (credential == null || signedHeaders == null || provided == null) {
            throw malformedHeader("the authorization header requires Credential, SignedHeaders and Signature");
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            throw new S3Error(403, "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
        }
        Instant signedAt = parseAmzDate(amzDate, false);
        String scope = checkCredential(credential, amzDate, false);
        checkSkew(signedAt);
        String payloadHash = request.header("x-amz-content-sha256");
        if (payloadHash == null) {
            throw S3Error.invalidRequest("Missing required header for this request: x-amz-content-sha256");
        }
        List<String> signed = signedHeaderNames(signedHeaders);
        checkEveryAmzHeaderSigned(request, signed);
        String canonical = canonicalRequest(request, canonicalQuery(request, false), signed, payloadHash);
        return check(scope, amzDate, canonical, provided, payloadHash);
    }

    private Signature verifyQuery(S3Request request) {
        Map<String, String> query = request.query();
        for (String name : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-Date",
                "X-Amz-SignedHeaders", "X-Amz-Expires")) {
            if (query.get(name) == null) {
                throw queryError("Query-string authentication version 4 requires the X-Amz-Algorithm, "
                        + "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires "
                        + "parameters.");
            }
        }
        if (!ALGORITHM.equals(query.get("X-Amz-Algorithm"))) {
            throw queryError("X-Amz-Algorithm only supports \"" + ALGORITHM + "\"");
        }

        String amzDate = query.get("X-Amz-Date");
        Instant signedAt = parseAmzDate(amzDate, true);
        long expires = parseExpires(query.get("X-Amz-Expires"));
        String scope = checkCredential(query.get("X-Amz-Credential"), amzDate, true);
        Instant now = clock.instant();
        if (now.isAfter(signedAt.plusSeconds(expires))) {
            throw new S3Error(403, "AccessDenied", "Request has expired")
                    .with("X-Amz-Expires", expires)
                    .with("Expires", S3Text.isoDate(signedAt.plusSeconds(expires)))
                    .with("ServerTime", S3Text.isoDate(now));
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new S3Error(403, "AccessDenied", "Request is not valid yet");
        }

        List<String> signed = signedHeaderNames(query.get("X-Amz-SignedHeaders"));
        checkEveryAmzHeaderSigned(request, signed);
        String payloadHash = request.header("x-amz-content-sha256") != null
                ? request.header("x-amz-content-sha256") : UNSIGNED_PAYLOAD;
        String canonical = canonicalRequest(request, canonicalQuery(request, true), signed, payloadHash);
        return check(scope, amzDate, canonical, query.get("X-Amz-Signature"), payloadHash);
    }

    private Signature check(String scope, String amzDate, String canonicalRequest, String provided, String payloadHash) {
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] signingKey = signingKey(amzDate.substring(0, 8));
        String expected = HexFormat.of().formatHex(hmac(signingKey, stringToSign));
        if (!constantTimeEquals(expected, provided)) {
            throw new S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided. Check your key and signing method.")
                    .with("AWSAccessKeyId", accessKey)
                    .with("StringToSign", stringToSign)
                    .with("SignatureProvided", provided)
                    .with("CanonicalRequest", canonicalRequest);
        }
        return new Signature(amzDate, scope, signingKey, expected, payloadHash);
    }

    private static Map<String, String> authorizationFields(String text) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String part : text.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                fields.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
            }
        }
        return fields;
    }

    /** Checks {@code AKID/YYYYMMDD/REGION/s3/aws4_request} and returns the scope, everything after the key id. */
    private String checkCredential(String credential, String amzDate, boolean query) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5) {
            throw credentialError("the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/"
                    + "aws4_request\".", query);
        }
        if (!accessKey.equals(parts[0])) {
            throw new S3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our "
                    + "records.").with("AWSAccessKeyId", parts[0]);
        }
        if (!amzDate.startsWith(parts[1]) || parts[1].length() != 8) {
            throw credentialError("Invalid credential date \"" + parts[1] + "\". This date is not the same as "
                    + "X-Amz-Date: \"" + amzDate.substring(0, Math.min(8, amzDate.length())) + "\".", query);
        }
        if (!region.equals(parts[2])) {
            throw credentialError("the region '" + parts[2] + "' is wrong; expecting '" + region + "'", query)
                    .with("Region", region);
        }
        if (!SERVICE.equals(parts[3])) {
            throw credentialError("incorrect service \"" + parts[3] + "\". This endpoint belongs to \"s3\".", query);
        }
        if (!TERMINATOR.equals(parts[4])) {
            throw credentialError("incorrect terminal \"" + parts[4] + "\". This endpoint uses \"aws4_request\".",
                    query);
        }
        return parts[1] + "/" + parts[2] + "/" + parts[3] + "/" + parts[4];
    }

    private static S3Error credentialError(String reason, boolean query) {
        return query ? queryError("Error parsing the X-Amz-Credential parameter; " + reason) : malformedHeader(reason);
    }

    private static S3Error malformedHeader(String reason) {
        return new S3Error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; " + reason);
    }

    private static S3Error queryError(String message) {
        return new S3Error(400, "AuthorizationQueryParametersError", message);
    }

    private static Instant parseAmzDate(String amzDate, boolean query) {
        try {
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException invalid) {
            if (query) {
                throw queryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
            }
            throw new S3Error(403, "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
        }
    }

    private static long parseExpires(String value) {
        long expires;
        try {
            expires = Long.parseLong(value);
        } catch (NumberFormatException notNumber) {
            throw queryError("X-Amz-Expires should be a number");
        }
        if (expires < 0) {
            throw queryError("X-Amz-Expires must be non-negative");
        }
        if (expires > MAX_EXPIRES_SECONDS) {
            throw queryError("X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }
        return expires;
    }

    private void checkSkew(Instant signedAt) {
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new S3Error(403, "RequestTimeTooSkewed", "The difference between the request time and the current "
                    + "time is too large.")
                    .with("RequestTime", S3Text.isoDate(signedAt))
                    .with("ServerTime", S3Text.isoDate(now))
                    .with("MaxAllowedSkewMilliseconds", MAX_SKEW.toMillis());
        }
    }

    private static List<String> signedHeaderNames(String signedHeaders) {
        List<String> names = Arrays.asList(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        if (!names.contains("host")) {
            throw new S3Error(403, "AccessDenied", "Host header is not signed");
        }
        return names;
    }

    private static void checkEveryAmzHeaderSigned(S3Request request, List<String> signed) {
        List<String> unsigned = new ArrayList<>();
        for (String name : request.headerNames()) {
            if (name.startsWith("x-amz-") && !signed.contains(name)) {
                unsigned.add(name);
            }
        }
        if (!unsigned.isEmpty()) {
            throw new S3Error(403, "AccessDenied", "There were headers present in the request which were not signed")
                    .with("HeadersNotSigned", String.join(", ", unsigned));
        }
    }

    private static String canonicalRequest(S3Request request, String canonicalQuery, List<String> signed,
            String payloadHash) {
        StringBuilder canonical = new StringBuilder(512)
                .append(request.method()).append('\n')
                .append(S3Text.uriEncode(request.decodedPath(), true)).append('\n')
                .append(canonicalQuery).append('\n');
        for (String name : signed) {
            canonical.append(name).append(':').append(canonicalHeaderValue(request.headerValues(name))).append('\n');
        }
        return canonical.append('\n').append(String.join(";", signed)).append('\n').append(payloadHash).toString();
    }

    private static String canonicalHeaderValue(List<String> values) {
        List<String> trimmed = new ArrayList<>(values.size());
        for (String value : values) {
            trimmed.add(value.strip().replaceAll(" +", " "));
        }
        return String.join(",", trimmed);
    }

    private static String canonicalQuery(S3Request request, boolean presigned) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> parameter : request.queryParameters()) {
            if (presigned && parameter.getKey().equals("X-Amz-Signature")) {
                continue;
            }
            pairs.add(S3Text.uriEncode(parameter.getKey(), false) + "=" + S3Text.uriEncode(parameter.getValue(), false));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private byte[] signingKey(String date) {
        return signingKeys.computeIfAbsent(date, day -> {
            byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
            key = hmac(key, region);
            key = hmac(key, SERVICE);
            return hmac(key, TERMINATOR);
        });
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException missing) {
            throw new IllegalStateException("Every JDK provides HmacSHA256", missing);
        }
    }

    static String sha256Hex(byte[] data) {
        return sha256Hex(data, 0, data.length);
    }

    static String sha256Hex(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, offset, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every JDK provides SHA-256", missing);
        }
    }

    static boolean constantTimeEquals(String expected, String provided) {
        return provided != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.getBytes(StandardCharsets.US_ASCII));
    }
}

package dev.lambdaworkbook.kit.services.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Routes each request to its S3 operation, after checking its signature, and writes the operation's response or
 * S3's XML error document. Every response carries an {@code x-amz-request-id}.
 */
final class S3Dispatcher implements HttpHandler {

    /** A body left unread by a rejected request is skipped up to this size so the connection can be reused. */
    private static final long MAX_DRAIN = 64L * 1024 * 1024;

    /** Subresources of buckets and objects that S3 has and this server does not, with their operation names. */
    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("acl", "Acl"), Map.entry("policy", "Policy"), Map.entry("policyStatus", "PolicyStatus"),
            Map.entry("versioning", "Versioning"), Map.entry("tagging", "Tagging"), Map.entry("cors", "Cors"),
            Map.entry("lifecycle", "LifecycleConfiguration"), Map.entry("website", "Website"),
            Map.entry("encryption", "Encryption"), Map.entry("notification", "NotificationConfiguration"),
            Map.entry("logging", "Logging"), Map.entry("replication", "Replication"),
            Map.entry("requestPayment", "RequestPayment"), Map.entry("accelerate", "AccelerateConfiguration"),
            Map.entry("analytics", "AnalyticsConfiguration"), Map.entry("inventory", "InventoryConfiguration"),
            Map.entry("metrics", "MetricsConfiguration"),
            Map.entry("intelligent-tiering", "IntelligentTieringConfiguration"),
            Map.entry("ownershipControls", "OwnershipControls"), Map.entry("publicAccessBlock", "PublicAccessBlock"),
            Map.entry("object-lock", "ObjectLockConfiguration"), Map.entry("legal-hold", "ObjectLegalHold"),
            Map.entry("retention", "ObjectRetention"), Map.entry("torrent", "ObjectTorrent"),
            Map.entry("attributes", "ObjectAttributes"), Map.entry("versions", "ObjectVersions"),
            Map.entry("restore", "RestoreObject"), Map.entry("select", "SelectObjectContent"),
            Map.entry("session", "CreateSession"), Map.entry("renameObject", "RenameObject"));

    private final SigV4Verifier verifier;
    private final BucketOperations buckets;
    private final ObjectOperations objects;
    private final ListOperations lists;
    private final MultipartOperations multipart;
    private final AtomicLong requestCounter = new AtomicLong(System.nanoTime() & 0xFFFFFFFFL);

    S3Dispatcher(SigV4Verifier verifier, BucketOperations buckets, ObjectOperations objects, ListOperations lists,
            MultipartOperations multipart) {
        this.verifier = verifier;
        this.buckets = buckets;
        this.objects = objects;
        this.lists = lists;
        this.multipart = multipart;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = String.format(Locale.ROOT, "%016X", requestCounter.incrementAndGet());
        S3Request request = null;
        S3Response response;
        try {
            request = S3Request.parse(exchange);
            request.authenticate(verifier);
            response = route(request);
        } catch (S3Error error) {
            response = errorResponse(error, requestId);
        } catch (IOException clientGone) {
            exchange.close();
            return;
        } catch (RuntimeException bug) {
            System.err.println("Servidor S3 local: error interno con " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI() + " (petición " + requestId + "): " + bug);
            bug.printStackTrace();
            response = errorResponse(new S3Error(500, "InternalError",
                    "We encountered an internal error. Please try again."), requestId);
        }
        boolean keepAlive = request == null || request.bodyRead() || drain(exchange);
        write(exchange, response, requestId, keepAlive);
    }

    private S3Response route(S3Request request) throws IOException {
        String method = request.method();
        if (request.bucket() == null) {
            if (method.equals("GET")) {
                return buckets.listBuckets(request);
            }
            throw methodNotAllowed(method, "SERVICE");
        }
        return request.key() == null ? routeBucket(request, method) : routeObject(request, method);
    }

    private S3Response routeBucket(S3Request request, String method) throws IOException {
        rejectUnsupported(request, method, "Bucket");
        return switch (method) {
            case "PUT" -> buckets.createBucket(request);
            case "HEAD" -> buckets.headBucket(request);
            case "DELETE" -> buckets.deleteBucket(request);
            case "GET" -> {
                if (request.has("location")) {
                    yield buckets.location(request);
                }
                if (request.has("uploads")) {
                    yield multipart.listUploads(request);
                }
                yield "2".equals(request.query().get("list-type")) ? lists.listV2(request) : lists.listV1(request);
            }
            case "POST" -> {
                if (request.has("delete")) {
                    yield objects.deleteObjects(request);
                }
                throw S3Error.notImplemented("PostObject");
            }
            default -> throw methodNotAllowed(method, "BUCKET");
        };
    }

    private S3Response routeObject(S3Request request, String method) throws IOException {
        rejectUnsupported(request, method, "Object");
        boolean upload = request.has("uploadId");
        return switch (method) {
            case "PUT" -> {
                if (upload || request.has("partNumber")) {
                    if (request.header("x-amz-copy-source") != null) {
                        throw S3Error.notImplemented("UploadPartCopy");
                    }
                    yield multipart.uploadPart(request);
                }
                yield request.header("x-amz-copy-source") != null ? objects.copyObject(request)
                        : objects.putObject(request);
            }
            case "GET" -> upload ? multipart.listParts(request) : objects.getObject(request, false);
            case "HEAD" -> objects.getObject(request, true);
            case "DELETE" -> upload ? multipart.abort(request) : objects.deleteObject(request);
            case "POST" -> {
                if (request.has("uploads")) {
                    yield multipart.create(request);
                }
                if (upload) {
                    yield multipart.complete(request);
                }
                throw methodNotAllowed(method, "OBJECT");
            }
            default -> throw methodNotAllowed(method, "OBJECT");
        };
    }

    private static void rejectUnsupported(S3Request request, String method, String resource) {
        for (Map.Entry<String, String> subresource : UNSUPPORTED.entrySet()) {
            if (request.has(subresource.getKey())) {
                throw S3Error.notImplemented(operationName(subresource.getValue(), method, resource));
            }
        }
    }

    /** Names an operation as S3's API reference does: GetBucketAcl, PutObjectTagging, ListObjectVersions. */
    private static String operationName(String subresource, String method, String resource) {
        if (subresource.equals("ObjectVersions")) {
            return "ListObjectVersions";
        }
        if (subresource.equals("RestoreObject") || subresource.equals("SelectObjectContent")
                || subresource.equals("CreateSession") || subresource.equals("RenameObject")) {
            return subresource;
        }
        String verb = switch (method) {
            case "PUT" -> "Put";
            case "DELETE" -> "Delete";
            case "POST" -> "Post";
            default -> "Get";
        };
        return subresource.startsWith("Object") ? verb + subresource : verb + resource + subresource;
    }

    private static S3Error methodNotAllowed(String method, String resourceType) {
        return new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
                .with("Method", method).with("ResourceType", resourceType);
    }

    private static S3Response errorResponse(S3Error error, String requestId) {
        S3Xml xml = S3Xml.plainDocument("Error")
                .element("Code", error.code())
                .element("Message", error.getMessage());
        error.details().forEach(xml::element);
        xml.element("RequestId", requestId).element("HostId", requestId);
        return S3Response.content(error.status(), xml.finish("Error"), 0, -1)
                .header("Content-Type", "application/xml");
    }

    /**
     * Reads and discards an unread request body; returns false when it was too large and the connection must close.
     * It reads instead of calling skip: the JDK's request stream passes skip to the socket, past the body's end.
     */
    private static boolean drain(HttpExchange exchange) {
        byte[] buffer = new byte[65_536];
        try (InputStream body = exchange.getRequestBody()) {
            long drained = 0;
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                drained += read;
                if (drained > MAX_DRAIN) {
                    return false;
                }
            }
            return true;
        } catch (IOException broken) {
            return false;
        }
    }

    private static void write(HttpExchange exchange, S3Response response, String requestId, boolean keepAlive)
            throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        var headers = exchange.getResponseHeaders();
        headers.set("x-amz-request-id", requestId);
        headers.set("x-amz-id-2", requestId);
        headers.set("Server", "AmazonS3");
        response.headers().forEach(headers::set);
        if (!keepAlive) {
            headers.set("Connection", "close");
        }
        int length = response.length() < 0 ? response.body().length : response.length();
        int status = response.status();
        try (exchange) {
            if (head || status == 204 || status == 304 || length == 0) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body(), response.offset(), length);
            }
        }
    }
}

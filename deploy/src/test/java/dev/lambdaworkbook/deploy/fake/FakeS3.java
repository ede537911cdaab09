package dev.lambdaworkbook.deploy.fake;

import static dev.lambdaworkbook.deploy.fake.FakeHttp.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * S3's REST-XML API in path style. Saving a notification to a Lambda function fails, as on S3, unless the
 * function's policy already lets {@code s3.amazonaws.com} invoke it from that bucket.
 */
public final class FakeS3 {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    /** One Lambda notification of a bucket. */
    public record Notification(String id, String functionArn, List<String> events, Map<String, String> rules) {
    }

    /** A bucket as S3 stores it. */
    public static final class Bucket {
        final String region;
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, byte[]> objects = new TreeMap<>();
        final List<Notification> notifications = new ArrayList<>();

        Bucket(String region) {
            this.region = region;
        }

        public String region() {
            return region;
        }

        public Map<String, String> tags() {
            return tags;
        }

        public Set<String> keys() {
            return objects.keySet();
        }

        public List<Notification> notifications() {
            return notifications;
        }
    }

    private final FakeAws fake;
    private final Map<String, Bucket> buckets = new TreeMap<>();
    private final Set<String> takenByOthers = new java.util.HashSet<>();

    FakeS3(FakeAws fake) {
        this.fake = fake;
    }

    public synchronized Set<String> bucketNames() {
        return Set.copyOf(buckets.keySet());
    }

    public synchronized Bucket bucket(String name) {
        return buckets.get(name);
    }

    /** Creates a bucket outside the script, as someone would in the console. */
    public synchronized Bucket putBucket(String name, String region) {
        Bucket bucket = new Bucket(region);
        buckets.put(name, bucket);
        return bucket;
    }

    /** Makes a bucket name belong to another account, so every request on it returns 403. */
    public synchronized void takenByAnotherAccount(String name) {
        takenByOthers.add(name);
    }

    synchronized byte[] object(String bucket, String key) {
        Bucket found = buckets.get(bucket);
        return found == null ? null : found.objects.get(key);
    }

    synchronized void handle(Request request) {
        String path = request.path().substring(1);
        int slash = path.indexOf('/');
        String name = slash < 0 ? path : path.substring(0, slash);
        String key = slash < 0 ? null : Request.decodePath(path.substring(slash + 1));
        String operation = operation(request, key);
        FakeAws.Fault fault = fake.nextFault("s3", operation);
        if (fault == FakeAws.Fault.DROP_CONNECTION) {
            fake.record("s3", operation, 0);
            FakeHttp.drop(request.exchange());
            return;
        }
        if (fault != null) {
            error(request, operation, 503, "SlowDown", "Please reduce your request rate.");
            return;
        }

        if (takenByOthers.contains(name)) {
            error(request, operation, 403, "AccessDenied", "Access Denied");
            return;
        }

        Bucket bucket = buckets.get(name);
        if (bucket == null && !operation.equals("CreateBucket")) {
            error(request, operation, 404, "NoSuchBucket", "The specified bucket does not exist");
            return;
        }

        switch (operation) {
            case "CreateBucket" -> create(request, name);
            case "HeadBucket" -> ok(request, operation, 200, "", Map.of("x-amz-bucket-region", bucket.region));
            case "GetBucketLocation" -> ok(request, operation, 200, "<LocationConstraint xmlns=\"" + NAMESPACE + "\">"
                    + ("us-east-1".equals(bucket.region) ? "" : bucket.region) + "</LocationConstraint>", Map.of());
            case "PutBucketTagging" -> {
                Document document = parse(request);
                bucket.tags.clear();
                for (Element tag : elements(document.getDocumentElement(), "Tag")) {
                    bucket.tags.put(text(tag, "Key"), text(tag, "Value"));
                }
                ok(request, operation, 204, "", Map.of());
            }
            case "GetBucketTagging" -> {
                if (bucket.tags.isEmpty()) {
                    error(request, operation, 404, "NoSuchTagSet", "The TagSet does not exist");
                    return;
                }
                StringBuilder tags = new StringBuilder();
                bucket.tags.forEach((tagKey, value) -> tags.append("<Tag><Key>").append(xml(tagKey))
                        .append("</Key><Value>").append(xml(value)).append("</Value></Tag>"));
                ok(request, operation, 200, "<Tagging xmlns=\"" + NAMESPACE + "\"><TagSet>" + tags
                        + "</TagSet></Tagging>", Map.of());
            }
            case "PutObject" -> {
                bucket.objects.put(key, request.body());
                ok(request, operation, 200, "", Map.of("ETag", "\"" + UUID.randomUUID().toString().replace("-", "")
                        + "\""));
            }
            case "HeadObject" -> {
                if (!bucket.objects.containsKey(key)) {
                    error(request, operation, 404, "NoSuchKey", "The specified key does not exist.");
                    return;
                }
                ok(request, operation, 200, "", Map.of("ETag", "\"" + bucket.objects.get(key).length + "\""));
            }
            case "DeleteObject" -> {
                bucket.objects.remove(key);
                ok(request, operation, 204, "", Map.of());
            }
            case "ListObjectsV2" -> list(request, name, bucket);
            case "DeleteBucket" -> {
                if (!bucket.objects.isEmpty()) {
                    error(request, operation, 409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
                    return;
                }
                buckets.remove(name);
                ok(request, operation, 204, "", Map.of());
            }
            case "GetBucketNotificationConfiguration" -> ok(request, operation, 200, notificationXml(bucket), Map.of());
            case "PutBucketNotificationConfiguration" -> putNotifications(request, name, bucket);
            default -> error(request, operation, 400, "NotImplemented", "Operación no simulada: " + operation);
        }
    }

    private static String operation(Request request, String key) {
        Map<String, String> query = request.query();
        String method = request.method();
        if (key != null && !key.isEmpty()) {
            return switch (method) {
                case "PUT" -> "PutObject";
                case "HEAD" -> "HeadObject";
                case "DELETE" -> "DeleteObject";
                default -> "GetObject";
            };
        }
        if (query.containsKey("tagging")) {
            return method.equals("PUT") ? "PutBucketTagging" : "GetBucketTagging";
        }
        if (query.containsKey("notification")) {
            return method.equals("PUT") ? "PutBucketNotificationConfiguration" : "GetBucketNotificationConfiguration";
        }
        if (query.containsKey("location")) {
            return "GetBucketLocation";
        }
        return switch (method) {
            case "PUT" -> "CreateBucket";
            case "HEAD" -> "HeadBucket";
            case "DELETE" -> "DeleteBucket";
            default -> "ListObjectsV2";
        };
    }

    private void create(Request request, String name) {
        if (buckets.containsKey(name)) {
            error(request, "CreateBucket", 409, "BucketAlreadyOwnedByYou",
                    "Your previous request to create the named bucket succeeded and you already own it.");
            return;
        }
        String region = "us-east-1";
        if (request.body().length > 0) {
            List<Element> constraint = elements(parse(request).getDocumentElement(), "LocationConstraint");
            if (!constraint.isEmpty()) {
                region = constraint.get(0).getTextContent();
            }
        }
        if (!region.equals(request.region())) {
            error(request, "CreateBucket", 400, "IllegalLocationConstraintException", "The " + region
                    + " location constraint is incompatible for the region specific endpoint this request was sent to.");
            return;
        }
        buckets.put(name, new Bucket(region));
        ok(request, "CreateBucket", 200, "", Map.of("Location", "/" + name));
    }

    private void list(Request request, String name, Bucket bucket) {
        StringBuilder contents = new StringBuilder();
        bucket.objects.forEach((key, bytes) -> contents.append("<Contents><Key>").append(xml(key))
                .append("</Key><Size>").append(bytes.length).append("</Size><StorageClass>STANDARD</StorageClass>")
                .append("</Contents>"));
        ok(request, "ListObjectsV2", 200, "<ListBucketResult xmlns=\"" + NAMESPACE + "\"><Name>" + xml(name)
                + "</Name><Prefix></Prefix><KeyCount>" + bucket.objects.size() + "</KeyCount><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>false</IsTruncated>" + contents + "</ListBucketResult>", Map.of());
    }

    private void putNotifications(Request request, String name, Bucket bucket) {
        List<Notification> notifications = new ArrayList<>();
        for (Element configuration : elements(parse(request).getDocumentElement(), "CloudFunctionConfiguration")) {
            List<String> events = elements(configuration, "Event").stream().map(Node::getTextContent).toList();
            Map<String, String> rules = new TreeMap<>();
            for (Element rule : elements(configuration, "FilterRule")) {
                rules.put(text(rule, "Name").toLowerCase(java.util.Locale.ROOT), text(rule, "Value"));
            }
            notifications.add(new Notification(text(configuration, "Id"), text(configuration, "CloudFunction"),
                    events, rules));
        }
        for (Notification notification : notifications) {
            boolean unchanged = bucket.notifications.contains(notification);
            if (!unchanged && !fake.lambda().allowsS3(notification.functionArn(), name)) {
                error(request, "PutBucketNotificationConfiguration", 400, "InvalidArgument",
                        "Unable to validate the following destination configurations");
                return;
            }
        }
        bucket.notifications.clear();
        bucket.notifications.addAll(notifications);
        ok(request, "PutBucketNotificationConfiguration", 200, "", Map.of());
    }

    private static String notificationXml(Bucket bucket) {
        StringBuilder xml = new StringBuilder("<NotificationConfiguration xmlns=\"" + NAMESPACE + "\">");
        for (Notification notification : bucket.notifications) {
            xml.append("<CloudFunctionConfiguration><Id>").append(xml(notification.id())).append("</Id><CloudFunction>")
                    .append(xml(notification.functionArn())).append("</CloudFunction>");
            notification.events().forEach(event -> xml.append("<Event>").append(xml(event)).append("</Event>"));
            if (!notification.rules().isEmpty()) {
                xml.append("<Filter><S3Key>");
                notification.rules().forEach((rule, value) -> xml.append("<FilterRule><Name>").append(rule)
                        .append("</Name><Value>").append(xml(value)).append("</Value></FilterRule>"));
                xml.append("</S3Key></Filter>");
            }
            xml.append("</CloudFunctionConfiguration>");
        }
        return xml.append("</NotificationConfiguration>").toString();
    }

    private static Document parse(Request request) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(request.body()));
        } catch (Exception invalid) {
            throw new IllegalArgumentException("XML no válido: " + request.text(), invalid);
        }
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static String text(Element parent, String name) {
        List<Element> found = elements(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent();
    }

    private void ok(Request request, String operation, int status, String body, Map<String, String> headers) {
        fake.record("s3", operation, status);
        FakeHttp.send(request.exchange(), status, body.isEmpty() ? null : "application/xml", body, headers);
    }

    private void error(Request request, String operation, int status, String code, String message) {
        fake.record("s3", operation, status);
        FakeHttp.send(request.exchange(), status, "application/xml", "<Error><Code>" + code + "</Code><Message>"
                + xml(message) + "</Message><RequestId>" + UUID.randomUUID() + "</RequestId></Error>", Map.of());
    }
}

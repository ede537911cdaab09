package dev.lambdaworkbook.kit.services.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.NavigableMap;
import org.w3c.dom.Element;

/**
 * CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, ListParts and
 * ListMultipartUploads.
 */
final class MultipartOperations {

    /** S3's smallest part, except the last one of an upload: 5 MiB. */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    static final int MAX_PART_NUMBER = 10_000;
    /** Largest CompleteMultipartUpload body read: 10000 parts with ETags and checksums. */
    private static final long MAX_COMPLETE_BODY = 4L * 1024 * 1024;
    private static final int MAX_PARTS_PER_PAGE = 1000;

    private final ObjectStore store;
    private final Clock clock;
    private final String endpoint;

    MultipartOperations(ObjectStore store, Clock clock, String endpoint) {
        this.store = store;
        this.clock = clock;
        this.endpoint = endpoint;
    }

    S3Response create(S3Request request) {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        String key = ObjectOperations.checkKey(request.key());
        ChecksumAlgorithm algorithm = null;
        String requested = request.header("x-amz-checksum-algorithm");
        if (requested != null) {
            algorithm = ChecksumAlgorithm.ofName(requested);
            if (algorithm == null) {
                throw S3Error.invalidRequest("Value for x-amz-checksum-algorithm header is invalid.");
            }
        }
        // Upload ids only need to be unique and hard to guess by accident, not secret: no SecureRandom to seed.
        byte[] id = new byte[32];
        ThreadLocalRandom.current().nextBytes(id);
        String uploadId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        MultipartUpload upload = new MultipartUpload(uploadId, key, clock.instant(),
                ObjectOperations.metadataOf(request), algorithm);
        bucket.uploads().put(uploadId, upload);
        byte[] document = S3Xml.document("InitiateMultipartUploadResult")
                .element("Bucket", bucket.name())
                .element("Key", key)
                .element("UploadId", uploadId)
                .finish("InitiateMultipartUploadResult");
        return S3Response.xml(document)
                .header("x-amz-checksum-algorithm", algorithm == null ? null : algorithm.displayName())
                .header("x-amz-checksum-type", algorithm == null ? null : "COMPOSITE");
    }

    S3Response uploadPart(S3Request request) throws IOException {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        int partNumber = partNumber(request.query().get("partNumber"));
        MultipartUpload upload = upload(bucket, request);
        S3Request.Body body = request.body(store::checkLength);
        if (upload.checksumAlgorithm() != null && body.checksumAlgorithm() != null
                && body.checksumAlgorithm() != upload.checksumAlgorithm()) {
            throw S3Error.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
                    + upload.checksumAlgorithm().displayName().toLowerCase(Locale.ROOT)
                    + ", actual checksum Type: "
                    + body.checksumAlgorithm().displayName().toLowerCase(Locale.ROOT));
        }
        String checksum = body.checksum();
        ChecksumAlgorithm algorithm = body.checksumAlgorithm();
        if (algorithm == null && upload.checksumAlgorithm() != null) {
            algorithm = upload.checksumAlgorithm();
            checksum = algorithm.compute(body.content());
        }
        String eTag = "\"" + HexFormat.of().formatHex(StoredObject.md5(body.content())) + "\"";
        MultipartUpload.Part part = new MultipartUpload.Part(partNumber, body.content(), eTag,
                StoredObject.truncate(clock.instant()), algorithm, checksum);
        store.putPart(upload, part);
        S3Response response = S3Response.empty(200)
                .header("ETag", eTag)
                .header("x-amz-server-side-encryption", "AES256");
        return algorithm == null ? response : response.header(algorithm.headerName(), checksum);
    }

    S3Response complete(S3Request request) throws IOException {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        MultipartUpload upload = upload(bucket, request);
        byte[] body = request.body(length -> {
            if (length > MAX_COMPLETE_BODY) {
                throw new S3Error(400, "MaxMessageLengthExceeded", "Your request was too big.");
            }
        }).content();

        List<MultipartUpload.Part> parts = requestedParts(S3Xml.parse(body, "CompleteMultipartUpload"), upload);
        ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        ByteArrayOutputStream partMd5s = new ByteArrayOutputStream();
        long total = 0;
        for (MultipartUpload.Part part : parts) {
            total += part.content().length;
        }
        store.checkLength(total);
        for (MultipartUpload.Part part : parts) {
            concatenated.write(part.content());
            partMd5s.write(HexFormat.of().parseHex(ObjectOperations.unquote(part.eTag())));
        }

        String eTag = "\"" + HexFormat.of().formatHex(StoredObject.md5(partMd5s.toByteArray())) + "-" + parts.size()
                + "\"";
        StoredObject object = new StoredObject(concatenated.toByteArray(), eTag,
                StoredObject.truncate(clock.instant()), upload.metadata(), null, null);
        if (!store.removeUpload(bucket, upload)) {
            throw S3Error.noSuchUpload(upload.uploadId());
        }
        store.putObject(bucket, upload.key(), object);

        byte[] document = S3Xml.document("CompleteMultipartUploadResult")
                .element("Location", endpoint + "/" + bucket.name() + "/" + S3Text.uriEncode(upload.key(), true))
                .element("Bucket", bucket.name())
                .element("Key", upload.key())
                .element("ETag", eTag)
                .finish("CompleteMultipartUploadResult");
        return S3Response.xml(document).header("x-amz-server-side-encryption", "AES256");
    }

    /**
     * Checks the part list of CompleteMultipartUpload against the uploaded parts: ascending numbers, matching ETags
     * (and checksums, when given), and at least 5 MiB in every part but the last.
     */
    private static List<MultipartUpload.Part> requestedParts(Element root, MultipartUpload upload) {
        List<Element> entries = S3Xml.children(root, "Part");
        if (entries.isEmpty()) {
            throw S3Error.malformedXml();
        }
        List<MultipartUpload.Part> parts = new ArrayList<>();
        int previous = 0;
        for (Element entry : entries) {
            String numberText = S3Xml.childText(entry, "PartNumber");
            String eTag = S3Xml.childText(entry, "ETag");
            if (numberText == null || eTag == null) {
                throw S3Error.malformedXml();
            }
            int number;
            try {
                number = Integer.parseInt(numberText.strip());
            } catch (NumberFormatException notNumber) {
                throw S3Error.malformedXml();
            }
            if (number <= previous) {
                throw new S3Error(400, "InvalidPartOrder", "The list of parts was not in ascending order. The parts "
                        + "list must be specified in order by part number.").with("UploadId", upload.uploadId());
            }
            previous = number;
            MultipartUpload.Part part = upload.parts().get(number);
            if (part == null || !ObjectOperations.unquote(eTag).equals(ObjectOperations.unquote(part.eTag()))
                    || !checksumMatches(entry, part)) {
                throw invalidPart(upload, number, eTag);
            }
            parts.add(part);
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            MultipartUpload.Part part = parts.get(i);
            if (part.content().length < MIN_PART_SIZE) {
                throw new S3Error(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed "
                        + "object size.")
                        .with("ProposedSize", part.content().length)
                        .with("MinSizeAllowed", MIN_PART_SIZE)
                        .with("PartNumber", part.number())
                        .with("ETag", ObjectOperations.unquote(part.eTag()));
            }
        }
        return parts;
    }

    private static boolean checksumMatches(Element entry, MultipartUpload.Part part) {
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            String listedChecksum = S3Xml.childText(entry, algorithm.xmlElement());
            if (listedChecksum == null) {
                continue;
            }
            boolean sameAsStored = algorithm == part.checksumAlgorithm()
                    && listedChecksum.strip().equals(part.checksum());
            if (!sameAsStored) {
                return false;
            }
        }
        return true;
    }

    private static S3Error invalidPart(MultipartUpload upload, int number, String eTag) {
        return new S3Error(400, "InvalidPart", "One or more of the specified parts could not be found.  The part may "
                + "not have been uploaded, or the specified entity tag may not match the part's entity tag.")
                .with("UploadId", upload.uploadId())
                .with("PartNumber", number)
                .with("ETag", ObjectOperations.unquote(eTag));
    }

    S3Response abort(S3Request request) {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        MultipartUpload upload = upload(bucket, request);
        if (!store.removeUpload(bucket, upload)) {
            throw S3Error.noSuchUpload(upload.uploadId());
        }
        return S3Response.empty(204);
    }

    S3Response listParts(S3Request request) {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        MultipartUpload upload = upload(bucket, request);
        Map<String, String> query = request.query();
        int maxParts = Math.min(MAX_PARTS_PER_PAGE, ListOperations.maxKeys(query.get("max-parts")));
        int marker = query.containsKey("part-number-marker") ? partNumberMarker(query.get("part-number-marker")) : 0;
        NavigableMap<Integer, MultipartUpload.Part> after = upload.parts().tailMap(marker, false);

        S3Xml xml = S3Xml.document("ListPartsResult")
                .element("Bucket", bucket.name())
                .element("Key", upload.key())
                .element("UploadId", upload.uploadId());
        owner(xml, "Initiator");
        owner(xml, "Owner");
        xml.element("StorageClass", "STANDARD").element("PartNumberMarker", marker);

        List<MultipartUpload.Part> page = new ArrayList<>();
        for (MultipartUpload.Part part : after.values()) {
            if (page.size() == maxParts) {
                break;
            }
            page.add(part);
        }
        boolean truncated = after.size() > page.size();
        if (!page.isEmpty()) {
            xml.element("NextPartNumberMarker", page.get(page.size() - 1).number());
        }
        xml.element("MaxParts", maxParts).element("IsTruncated", truncated);
        if (upload.checksumAlgorithm() != null) {
            xml.element("ChecksumAlgorithm", upload.checksumAlgorithm().displayName())
                    .element("ChecksumType", "COMPOSITE");
        }

        for (MultipartUpload.Part part : page) {
            xml.open("Part")
                    .element("PartNumber", part.number())
                    .element("LastModified", S3Text.isoDate(part.lastModified()))
                    .element("ETag", part.eTag())
                    .element("Size", part.content().length);
            if (part.checksumAlgorithm() != null) {
                xml.element(part.checksumAlgorithm().xmlElement(), part.checksum());
            }
            xml.close("Part");
        }
        return S3Response.xml(xml.finish("ListPartsResult"));
    }

    S3Response listUploads(S3Request request) {
        ObjectStore.Bucket bucket = store.bucket(request.bucket());
        Map<String, String> query = request.query();
        String prefix = query.getOrDefault("prefix", "");
        String keyMarker = query.getOrDefault("key-marker", "");
        int maxUploads = ListOperations.maxKeys(query.get("max-uploads"));
        List<MultipartUpload> uploads = new ArrayList<>();
        for (MultipartUpload upload : bucket.uploads().values()) {
            if (upload.key().startsWith(prefix) && S3Text.UTF8_ORDER.compare(upload.key(), keyMarker) > 0) {
                uploads.add(upload);
            }
        }
        uploads.sort((a, b) -> {
            int byKey = S3Text.UTF8_ORDER.compare(a.key(), b.key());
            return byKey != 0 ? byKey : a.initiated().compareTo(b.initiated());
        });

        boolean truncated = uploads.size() > maxUploads;
        List<MultipartUpload> page = uploads.subList(0, Math.min(maxUploads, uploads.size()));
        S3Xml xml = S3Xml.document("ListMultipartUploadsResult")
                .element("Bucket", bucket.name())
                .element("KeyMarker", keyMarker)
                .element("UploadIdMarker", query.getOrDefault("upload-id-marker", ""))
                .element("NextKeyMarker", truncated ? page.get(page.size() - 1).key() : null)
                .element("NextUploadIdMarker", truncated ? page.get(page.size() - 1).uploadId() : null)
                .element("Prefix", prefix)
                .element("MaxUploads", maxUploads)
                .element("IsTruncated", truncated);

        for (MultipartUpload upload : page) {
            xml.open("Upload").element("Key", upload.key()).element("UploadId", upload.uploadId());
            owner(xml, "Initiator");
            owner(xml, "Owner");
            xml.element("StorageClass", "STANDARD")
                    .element("Initiated", S3Text.isoDate(upload.initiated()))
                    .close("Upload");
        }
        return S3Response.xml(xml.finish("ListMultipartUploadsResult"));
    }

    private static void owner(S3Xml xml, String element) {
        xml.open(element).element("ID", BucketOperations.OWNER_ID)
                .element("DisplayName", BucketOperations.OWNER_NAME).close(element);
    }

    private static MultipartUpload upload(ObjectStore.Bucket bucket, S3Request request) {
        String uploadId = request.query().get("uploadId");
        MultipartUpload upload = uploadId == null ? null : bucket.uploads().get(uploadId);
        if (upload == null || !upload.key().equals(request.key())) {
            throw S3Error.noSuchUpload(uploadId);
        }
        return upload;
    }

    private static int partNumber(String value) {
        try {
            int number = Integer.parseInt(value == null ? "" : value.strip());
            if (number >= 1 && number <= MAX_PART_NUMBER) {
                return number;
            }
        } catch (NumberFormatException notNumber) {
            // Falls through to S3's error.
        }
        throw S3Error.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                "partNumber", value);
    }

    private static int partNumberMarker(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notNumber) {
            throw S3Error.invalidArgument("Provided part-number-marker not an integer or within integer range",
                    "part-number-marker", value);
        }
    }
}

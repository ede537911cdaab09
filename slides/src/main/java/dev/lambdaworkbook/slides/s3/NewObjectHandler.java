package dev.lambdaworkbook.slides.s3;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lists the objects that an S3 event announces, as s3:// addresses with their keys decoded. */
public class NewObjectHandler implements RequestHandler<S3Event, List<String>> {

    @Override
    public List<String> handleRequest(S3Event event, Context context) {
        List<String> objects = new ArrayList<>();
        // tag::records[]
        for (S3EventNotificationRecord record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            String key = decodeKey(record.getS3().getObject().getKey());
            context.getLogger().log(record.getEventName() + " en s3://" + bucket + "/" + key);
            objects.add("s3://" + bucket + "/" + key);
        }
        // end::records[]
        return objects;
    }

    /** Decodes a key as S3 sends it, form-URL-encoded: "+" is a space, "%2B" a plus, "%C3%B1" an ñ. */
    // tag::decode[]
    static String decodeKey(String encodedKey) {
        return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
    }
    // end::decode[]
}

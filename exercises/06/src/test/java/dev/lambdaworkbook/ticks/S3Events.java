package dev.lambdaworkbook.ticks;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.RequestParametersEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.ResponseElementsEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import java.util.ArrayList;
import java.util.List;

/** Builds S3 notification events like the ones S3 sends to Lambda. */
final class S3Events {

    static final String PUT = "ObjectCreated:Put";
    static final String MULTIPART = "ObjectCreated:CompleteMultipartUpload";

    private S3Events() {
    }

    /** Builds an event with one record per key. Give the keys as S3 sends them, form-URL-encoded. */
    static S3Event event(String eventName, String bucket, String... encodedKeys) {
        List<S3EventNotificationRecord> records = new ArrayList<>();
        for (String key : encodedKeys) {
            records.add(record(eventName, bucket, key));
        }
        return new S3Event(records);
    }

    static S3EventNotificationRecord record(String eventName, String bucket, String encodedKey) {
        S3Entity s3 = new S3Entity("ficheros-bme",
                new S3BucketEntity(bucket, new UserIdentityEntity("A3NL1KOZZKExample"), "arn:aws:s3:::" + bucket),
                new S3ObjectEntity(encodedKey, 1024L, "d41d8cd98f00b204e9800998ecf8427e", null, "0A1B2C3D4E5F678901"),
                "1.0");
        return new S3EventNotificationRecord("eu-west-1", eventName, "aws:s3", "2026-03-19T09:00:18.002Z", "2.1",
                new RequestParametersEntity("127.0.0.1"),
                new ResponseElementsEntity("FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD",
                        "C3D13FE58DE4C810"),
                s3, new UserIdentityEntity("AWS:AIDAJDPLRKLG7UEXAMPLE"));
    }
}

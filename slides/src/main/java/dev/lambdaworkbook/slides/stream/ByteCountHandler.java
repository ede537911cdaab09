package dev.lambdaworkbook.slides.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Returns how many bytes the event had: a stream handler reads the raw JSON and writes its own response. */
// tag::handler[]
public class ByteCountHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        byte[] event = input.readAllBytes();
        String json = "{\"bytes\":" + event.length + "}";
        output.write(json.getBytes(StandardCharsets.UTF_8));
    }
}
// end::handler[]

package dev.lambdaworkbook.marketdata;

import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.services.s3.LocalS3Extension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the CSV the handler wrote to the local S3 server. */
final class CsvFile {

    private CsvFile() {
    }

    /** Returns the lines of the object, without line breaks; fails with a hint when it does not exist. */
    static List<String> lines(LocalS3Extension s3, String key) {
        List<String> keys = s3.keys(MarketDataRun.BUCKET);
        Expect.that(keys.contains(key), () -> "La función devolvió " + Expect.show(key) + ", pero en el bucket "
                + MarketDataRun.BUCKET + " hay " + keys + ". Devuelve la clave con la que llamaste a putObject.");
        String text = new String(s3.get(MarketDataRun.BUCKET, key), StandardCharsets.UTF_8);
        Expect.that(!text.isEmpty() && text.endsWith("\n"), () -> "El CSV debe terminar en un salto de línea "
                + "(\\n) tras la última fila y termina en: " + Expect.show(text.substring(Math.max(0,
                        text.length() - 20))));
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    /** Returns the lines after the header. */
    static List<String> dataRows(LocalS3Extension s3, String key) {
        List<String> lines = lines(s3, key);
        return lines.subList(1, lines.size());
    }

    /** Returns a port of 127.0.0.1 on which nothing listens (it was free a moment ago). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

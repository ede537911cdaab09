package dev.lambdaworkbook.kit.zip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small .zip and .jar files for the tests, entry by entry, in the order given. */
final class Zips {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    static Zips with(String... names) {
        Zips zips = new Zips();
        for (String name : names) {
            zips.add(name, name.endsWith(".jar") ? Zips.with("META-INF/MANIFEST.MF").bytes() : name.getBytes(
                    StandardCharsets.UTF_8));
        }
        return zips;
    }

    Zips add(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        write(buffer);
        return buffer.toByteArray();
    }

    Path writeTo(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
            return file;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void write(OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}

package dev.lambdaworkbook.checker.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Extracts a student's zip with limits: no entry may land outside the target folder, and the number of entries and
 * the bytes written are capped, so a malformed or hostile archive cannot fill the disk. Build output and version
 * control folders are skipped.
 */
final class ZipExtraction {

    private static final long MAX_BYTES = 200L * 1024 * 1024;
    private static final int MAX_ENTRIES = 20_000;

    /** An archive that cannot be extracted, with the reason in Spanish. */
    static final class InvalidZip extends IOException {
        InvalidZip(String message) {
            super(message);
        }
    }

    private ZipExtraction() {
    }

    static Path extract(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        long written = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new InvalidZip("el zip '" + zip.getFileName() + "' tiene más de " + MAX_ENTRIES
                            + " entradas; entrega solo el repositorio, sin target/ ni .git/");
                }
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new InvalidZip("el zip '" + zip.getFileName() + "' contiene la ruta '" + entry.getName()
                            + "', que sale de su carpeta");
                }
                if (skipped(entry.getName())) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                written += copy(in, destination, MAX_BYTES - written, zip);
            }
        } catch (ZipException corrupt) {
            throw new InvalidZip("el zip '" + zip.getFileName() + "' está dañado: " + corrupt.getMessage());
        }
        if (entries == 0) {
            throw new InvalidZip("'" + zip.getFileName() + "' no es un .zip válido o está vacío: vuelve a "
                    + "descargarlo o a comprimir la carpeta del repositorio");
        }
        return root;
    }

    private static boolean skipped(String name) {
        String path = "/" + name.replace('\\', '/');
        return path.contains("/__MACOSX/") || path.contains("/.git/") || path.contains("/target/")
                || path.contains("/node_modules/");
    }

    private static long copy(InputStream in, Path destination, long room, Path zip) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(destination)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > room) {
                    throw new InvalidZip("el zip '" + zip.getFileName() + "' descomprimido supera "
                            + MAX_BYTES / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }
}

package dev.lambdaworkbook.kit.zip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A deployment package unzipped into a folder, as Lambda unzips it into {@code /var/task}, with the classpath the
 * Java runtime builds from it: the folder itself, then the .jar files directly in {@code lib/}, sorted by file name
 * in {@link String} order (so upper case sorts before lower case).
 */
public final class UnpackedPackage {

    private final Path root;

    private UnpackedPackage(Path root) {
        this.root = root;
    }

    /**
     * Unzips a package into an empty or missing folder. Entries that would land outside the folder are rejected, and
     * so is a package that grows past Lambda's unzipped limit while being written.
     *
     * @throws IOException when the .zip cannot be read, an entry is unsafe, or the folder is not empty
     */
    public static UnpackedPackage extract(Path zip, Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (Stream<Path> existing = Files.list(root)) {
            if (existing.findAny().isPresent()) {
                throw new IOException("La carpeta '" + root + "' no está vacía; el paquete se descomprime en una "
                        + "carpeta vacía.");
            }
        }
        long written = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || entry.getName().startsWith("/") || entry.getName().contains("\\")) {
                    throw new IOException("La entrada '" + entry.getName() + "' de '" + zip
                            + "' se saldría de la carpeta de la función; no se descomprime.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                    written += copy(in, out, LambdaPackageInspector.Limits.LAMBDA.unzipped() - written, zip);
                }
            }
        }
        return new UnpackedPackage(root);
    }

    private static long copy(InputStream in, OutputStream out, long allowed, Path zip) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            copied += read;
            if (copied > allowed) {
                throw new IOException("'" + zip + "' ocupa más de "
                        + LambdaPackageInspector.megabytes(LambdaPackageInspector.Limits.LAMBDA.unzipped())
                        + " descomprimido, el límite de Lambda; no se descomprime entero.");
            }
            out.write(buffer, 0, read);
        }
        return copied;
    }

    /** The folder the package was unzipped into, Lambda's {@code /var/task}. */
    public Path root() {
        return root;
    }

    /** Returns the classpath in Lambda's order: the root, then {@code lib/*.jar} by file name. */
    public List<Path> classpath() {
        List<Path> classpath = new ArrayList<>();
        classpath.add(root);
        Path lib = root.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.list(lib)) {
                files.filter(path -> path.getFileName().toString().endsWith(".jar") && Files.isRegularFile(path))
                        .sorted((left, right) -> left.getFileName().toString()
                                .compareTo(right.getFileName().toString()))
                        .forEach(classpath::add);
            } catch (IOException unreadable) {
                throw new UncheckedIOException("No se puede listar '" + lib + "'", unreadable);
            }
        }
        return List.copyOf(classpath);
    }

    /**
     * Creates a class loader over {@link #classpath()} whose parent is the platform class loader, so it loads the
     * JDK's classes but none of the caller's: what the package lacks fails here as it would in Lambda.
     */
    public URLClassLoader newClassLoader() {
        List<URL> urls = new ArrayList<>();
        for (Path path : classpath()) {
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException impossible) {
                throw new IllegalStateException("Ruta no convertible a URL: " + path, impossible);
            }
        }
        return new URLClassLoader("paquete-lambda", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}

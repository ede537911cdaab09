package dev.lambdaworkbook.deploy;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Checks a deployment package against Lambda's rules before it is uploaded. */
final class PackageInspection {

    /** Lambda's limit for the unzipped code of a function, layers included. */
    static final long UNZIPPED_LIMIT = 250L * 1024 * 1024;

    private PackageInspection() {
    }

    static void check(Path zip, FunctionConfig config) {
        String handlerEntry = config.handlerClass().replace('.', '/') + ".class";
        long unzipped = 0;
        boolean handlerFound = false;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                unzipped += Math.max(0, entry.getSize());
                handlerFound |= entry.getName().equals(handlerEntry);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("No se puede leer el paquete '" + zip + "' como .zip", unreadable);
        }
        if (unzipped > UNZIPPED_LIMIT) {
            throw new DeployException(DeployException.USAGE, "El paquete '" + zip + "' es demasiado grande: "
                    + size(unzipped) + " descomprimido, y Lambda admite como máximo 250 MB. Quita "
                    + "dependencias que no uses (revisa el ámbito 'test' o 'provided' en el pom.xml).");
        }
        if (!handlerFound) {
            throw new DeployException(DeployException.USAGE, "El paquete '" + zip + "' no contiene '" + handlerEntry
                    + "', la clase del handler '" + config.handler() + "'. Las clases van en la raíz del .zip "
                    + "(no dentro de target/classes/ ni de un .jar).");
        }
    }

    /** Returns a size for messages: whole megabytes, or kilobytes below one megabyte, rounded up. */
    static String size(long bytes) {
        long kilobytes = (bytes + 1023) / 1024;
        return kilobytes < 1024 ? kilobytes + " KB" : (kilobytes + 1023) / 1024 + " MB";
    }
}

package dev.lambdaworkbook.deploy;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.zip.LambdaPackageInspector;
import dev.lambdaworkbook.kit.zip.PackageInspection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Checks the package with the kit's inspector before anything is uploaded: Lambda's layout and size limits. */
final class PackageCheck {

    private PackageCheck() {
    }

    /**
     * Fails with the inspector's Spanish report when the package breaks Lambda's layout or unzipped limit. The
     * direct-upload limit is not a failure here: a larger package goes through S3.
     */
    static void check(Path zip, FunctionConfig config) {
        PackageInspection inspection;
        try {
            inspection = LambdaPackageInspector.forHandler(config.handler())
                    .uploadedThrough(LambdaPackageInspector.Upload.S3).inspect(zip);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable.getMessage(), unreadable);
        }
        if (!inspection.isValid()) {
            throw new DeployException(DeployException.USAGE, inspection.report()
                    + "\nCorrige el paquete y vuelve a ejecutar; no se ha enviado nada a AWS.");
        }
    }

    /** Returns a size for messages: whole megabytes, or kilobytes below one megabyte, rounded up. */
    static String size(long bytes) {
        long kilobytes = (bytes + 1023) / 1024;
        return kilobytes < 1024 ? kilobytes + " KB" : (kilobytes + 1023) / 1024 + " MB";
    }
}

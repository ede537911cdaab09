package dev.lambdaworkbook.checker.sandbox;

import dev.lambdaworkbook.checker.run.RunRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The bubblewrap ({@code bwrap}) command line that runs one child JVM in new namespaces (no network, own process
 * tree, no further user namespaces) and with a file system that shows only what the tests need: {@code /usr},
 * the JDK, the class path read-only, the working copy read-only, and small private {@code tmpfs} folders for
 * {@code /tmp}, {@code HOME} and {@code java.io.tmpdir}. The instructor's home, the workbook with the solutions,
 * the other submissions and the checker's outputs are not mounted at all.
 */
final class Bubblewrap {

    /** Size of each private writable folder: enough for the exercises' temporary files, not to fill a disk. */
    static final String TMPFS_SIZE = String.valueOf(64L * 1024 * 1024);

    private static final List<String> TOP_LEVEL = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    private final String executable;
    private final Path javaHome;
    private final List<String> systemMounts;

    Bubblewrap(String executable, Path javaHome) throws IOException {
        this.executable = executable;
        this.javaHome = javaHome;
        this.systemMounts = systemMounts(javaHome);
    }

    /**
     * Returns the options shared by every launch: namespaces and the read-only system folders. The JVM runs as
     * process 1 of its namespace, so that when it ends the kernel ends every process it started. With bubblewrap's
     * own init process in between, GNU time did not count the JVM's CPU time either (bubblewrap 0.8).
     */
    List<String> baseOptions() {
        List<String> options = new ArrayList<>(List.of(executable,
                "--unshare-all", "--unshare-user", "--disable-userns", "--as-pid-1", "--die-with-parent",
                "--new-session", "--cap-drop", "ALL"));
        options.addAll(systemMounts);
        options.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", TMPFS_SIZE, "--tmpfs", "/tmp"));
        return options;
    }

    /** Returns the full prefix for the request, ending in {@code --}, before the {@code java} command. */
    List<String> prefix(RunRequest request) {
        List<String> options = baseOptions();
        Path work = request.workDir().toAbsolutePath();
        Set<Path> readOnly = new LinkedHashSet<>();
        readOnly.add(work);
        request.readablePaths().forEach(entry -> readOnly.add(entry.toAbsolutePath()));
        request.jvmOptions().forEach(option -> optionPath(option).filter(Files::exists).ifPresent(readOnly::add));
        for (Path path : readOnly) {
            if (!isInside(path, Path.of("/usr")) && !isInside(path, javaHome) && (path.equals(work)
                    || !isInside(path, work))) {
                options.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        for (String writable : List.of("home", "tmp")) {
            Path folder = work.resolve(writable);
            if (Files.isDirectory(folder)) {
                options.addAll(List.of("--size", TMPFS_SIZE, "--tmpfs", folder.toString()));
            }
        }
        for (String option : request.jvmOptions()) {
            optionPath(option).filter(path -> option.startsWith("-XX:") && !Files.exists(path)).ifPresent(output ->
                    options.addAll(List.of("--bind", output.getParent().toString(), output.getParent().toString())));
        }
        options.addAll(List.of("--chdir", request.workingDirectory().toAbsolutePath().toString(), "--"));
        return options;
    }

    /**
     * Returns the file of an option such as {@code -XX:SharedArchiveFile=/path} or {@code -Dname=/path}, if it names
     * an absolute path. An existing one is mounted read-only. A missing {@code -XX:} file is an output, such as the
     * class list of the reference run, so its folder is mounted writable. A missing {@code -D} path gets no mount.
     */
    private static java.util.Optional<Path> optionPath(String option) {
        int equals = option.indexOf('=');
        boolean pathOption = option.startsWith("-XX:") || option.startsWith("-D");
        if (!pathOption || equals < 0 || !option.startsWith("/", equals + 1)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(option.substring(equals + 1)).toAbsolutePath().normalize());
    }

    /**
     * Returns the mounts of the system folders: {@code /usr}, the top-level folders that are links into it on a
     * merged-/usr system (or the folders themselves elsewhere), the JDK, the files outside the JDK that its links
     * point to (Debian keeps the JDK's {@code conf} and {@code cacerts} in {@code /etc}), and the time zone.
     */
    private static List<String> systemMounts(Path javaHome) throws IOException {
        List<String> mounts = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr"));
        for (String folder : TOP_LEVEL) {
            Path path = Path.of(folder);
            if (Files.isSymbolicLink(path)) {
                mounts.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), folder));
            } else if (Files.isDirectory(path)) {
                mounts.addAll(List.of("--ro-bind", folder, folder));
            }
        }
        if (!isInside(javaHome, Path.of("/usr"))) {
            mounts.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
        }
        for (Path target : linkTargetsOutside(javaHome)) {
            mounts.addAll(List.of("--ro-bind", target.toString(), target.toString()));
        }
        Path localTime = Path.of("/etc/localtime");
        if (Files.isSymbolicLink(localTime)) {
            mounts.addAll(List.of("--symlink", Files.readSymbolicLink(localTime).toString(), localTime.toString()));
        } else if (Files.isRegularFile(localTime)) {
            mounts.addAll(List.of("--ro-bind", localTime.toString(), localTime.toString()));
        }
        return mounts;
    }

    /**
     * Returns the folders, outside the JDK and {@code /usr}, that hold the targets of the JDK's links: one mount per
     * folder instead of one per file, without mounting whole trees such as {@code /etc/ssl}.
     */
    private static Set<Path> linkTargetsOutside(Path javaHome) throws IOException {
        Set<Path> folders = new java.util.TreeSet<>();
        Path real = javaHome.toRealPath();
        try (Stream<Path> walk = Files.walk(real)) {
            for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
                Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
                if (!isInside(target, real) && !isInside(target, Path.of("/usr")) && Files.exists(target)) {
                    folders.add(Files.isDirectory(target) ? target : target.getParent());
                }
            }
        }
        Set<Path> outermost = new LinkedHashSet<>();
        for (Path folder : folders) {
            if (outermost.stream().noneMatch(folder::startsWith)) {
                outermost.add(folder);
            }
        }
        return outermost;
    }

    private static boolean isInside(Path path, Path folder) {
        return path.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize());
    }
}

package dev.lambdaworkbook.checker.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds a {@code zip} from a maven-assembly-plugin descriptor the way the plugin does at
 * {@code process-test-classes}, for the subset of the descriptor format (assembly 2.x) a Lambda package needs:
 * {@code formats}, {@code includeBaseDirectory}, {@code baseDirectory}, {@code fileSets} (directory,
 * outputDirectory, includes, excludes) and {@code dependencySets} (outputDirectory, scope, useProjectArtifact,
 * unpack). Any other element makes the build fail with a message that names it, rather than produce a package
 * that differs from Maven's.
 */
public final class AssemblyZip {

    private static final Set<String> ROOT = Set.of("id", "formats", "includeBaseDirectory", "baseDirectory",
            "fileSets", "dependencySets");
    private static final Set<String> FILE_SET = Set.of("directory", "outputDirectory", "includes", "excludes");
    private static final Set<String> DEPENDENCY_SET = Set.of("outputDirectory", "scope", "useProjectArtifact",
            "unpack");

    /**
     * What the descriptor's expressions and scopes stand for in one working copy.
     *
     * @param outputDirectory the folders that make {@code target/classes}: the compiled classes and the resources
     * @param runtime the runtime dependencies ({@code compile} and {@code runtime} scope)
     * @param test every dependency, test scope included
     */
    public record Project(Path basedir, String baseName, List<Path> outputDirectory, List<Path> runtime,
            List<Path> test) {
    }

    private final Project project;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private AssemblyZip(Project project) {
        this.project = project;
    }

    /** Builds the zip the descriptor describes into {@code zip}. */
    public static void build(Path descriptor, Project project, Path zip) throws BuildException, IOException {
        AssemblyZip assembly = new AssemblyZip(project);
        assembly.read(parse(descriptor));
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream stream = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : assembly.entries.entrySet()) {
                stream.putNextEntry(entry(entry.getKey(), entry.getValue()));
                stream.write(entry.getValue());
                stream.closeEntry();
            }
        }
    }

    /**
     * Returns the zip entry for a file. Jars and zips are stored as they are: they are compressed already, so
     * deflating them again costs CPU and saves almost no space.
     */
    private static ZipEntry entry(String name, byte[] content) {
        ZipEntry entry = new ZipEntry(name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jar") || lower.endsWith(".zip")) {
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc.getValue());
        }
        return entry;
    }

    private void read(Element root) throws BuildException, IOException {
        check(root, ROOT);
        List<String> formats = texts(child(root, "formats"), "format");
        if (!formats.equals(List.of("zip"))) {
            throw new BuildException("el descriptor debe pedir un único formato zip y pide " + formats);
        }
        boolean baseDirectory = !"false".equals(text(root, "includeBaseDirectory", "true"));
        String prefix = baseDirectory ? text(root, "baseDirectory", project.baseName()) + "/" : "";
        for (Element fileSet : elements(child(root, "fileSets"), "fileSet")) {
            fileSet(fileSet, prefix);
        }
        for (Element dependencySet : elements(child(root, "dependencySets"), "dependencySet")) {
            dependencySet(dependencySet, prefix);
        }
    }

    private void fileSet(Element fileSet, String prefix) throws BuildException, IOException {
        check(fileSet, FILE_SET);
        String directory = text(fileSet, "directory", null);
        if (directory == null) {
            throw new BuildException("un <fileSet> del descriptor no tiene <directory>");
        }
        String output = folder(prefix, text(fileSet, "outputDirectory", ""));
        List<PathMatcher> includes = matchers(texts(child(fileSet, "includes"), "include"));
        List<PathMatcher> excludes = matchers(texts(child(fileSet, "excludes"), "exclude"));
        for (Path source : directories(directory)) {
            if (!Files.isDirectory(source)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    Path relative = source.relativize(file);
                    if ((includes.isEmpty() || matches(includes, relative)) && !matches(excludes, relative)) {
                        entries.putIfAbsent(output + relative.toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
        }
    }

    private void dependencySet(Element dependencySet, String prefix) throws BuildException, IOException {
        check(dependencySet, DEPENDENCY_SET);
        String output = folder(prefix, text(dependencySet, "outputDirectory", ""));
        String scope = text(dependencySet, "scope", "runtime");
        List<Path> jars = switch (scope) {
            case "runtime", "compile" -> project.runtime();
            case "test" -> project.test();
            default -> throw new BuildException("el ámbito '" + scope + "' de un <dependencySet> no está soportado; "
                    + "usa runtime, compile o test");
        };
        boolean unpack = "true".equals(text(dependencySet, "unpack", "false"));
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                continue;
            }
            if (unpack) {
                unpack(jar, output);
            } else {
                entries.putIfAbsent(output + jar.getFileName(), Files.readAllBytes(jar));
            }
        }
    }

    private void unpack(Path jar, String output) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : file.stream().filter(entry -> !entry.isDirectory()).toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.putIfAbsent(output + entry.getName(), in.readAllBytes());
                }
            }
        }
    }

    /** Resolves a {@code <directory>}: the build output folder stands for the classes and the resources. */
    private List<Path> directories(String directory) throws BuildException {
        String trimmed = directory.strip();
        if (trimmed.equals("${project.build.outputDirectory}") || trimmed.equals("target/classes")
                || trimmed.equals("${project.build.directory}/classes")) {
            return project.outputDirectory();
        }
        String expanded = trimmed.replace("${project.basedir}", project.basedir().toString())
                .replace("${basedir}", project.basedir().toString());
        if (expanded.contains("${")) {
            throw new BuildException("el corrector no sabe resolver '" + directory + "' en un <fileSet>; usa "
                    + "${project.build.outputDirectory} o una ruta relativa al ejercicio");
        }
        Path path = project.basedir().resolve(expanded).normalize();
        if (!path.startsWith(project.basedir())) {
            throw new BuildException("el <directory> '" + directory + "' sale de la carpeta del ejercicio");
        }
        return List.of(path);
    }

    private static String folder(String prefix, String outputDirectory) {
        String folder = outputDirectory.strip().replace('\\', '/');
        while (folder.startsWith("/") || folder.startsWith("./")) {
            folder = folder.substring(folder.startsWith("/") ? 1 : 2);
        }
        if (!folder.isEmpty() && !folder.endsWith("/")) {
            folder += "/";
        }
        return prefix + folder;
    }

    private static List<PathMatcher> matchers(List<String> patterns) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.strip()));
            if (pattern.strip().startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.strip().substring(3)));
            }
        }
        return matchers;
    }

    private static boolean matches(List<PathMatcher> matchers, Path relative) {
        return matchers.stream().anyMatch(matcher -> matcher.matches(relative));
    }

    private static Element parse(Path descriptor) throws BuildException, IOException {
        if (!Files.isRegularFile(descriptor)) {
            throw new BuildException("no existe el descriptor '" + descriptor.getFileName() + "'");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(descriptor.toFile());
            return document.getDocumentElement();
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException invalid) {
            throw new BuildException("el descriptor '" + descriptor.getFileName() + "' no es XML válido: "
                    + invalid.getMessage());
        }
    }

    private static void check(Element element, Set<String> allowed) throws BuildException {
        for (Element child : elements(element, null)) {
            if (!allowed.contains(child.getTagName())) {
                throw new BuildException("el corrector no reproduce <" + child.getTagName() + "> dentro de <"
                        + element.getTagName() + ">; admite " + allowed.stream().sorted().toList()
                        + ". Prueba tu descriptor con ./mvnw test y avisa al profesor.");
            }
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = elements(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name, String fallback) {
        Element element = child(parent, name);
        return element == null ? fallback : element.getTextContent().strip();
    }

    private static List<String> texts(Element parent, String name) {
        return elements(parent, name).stream().map(element -> element.getTextContent().strip()).toList();
    }
}

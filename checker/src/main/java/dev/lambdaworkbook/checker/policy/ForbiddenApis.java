package dev.lambdaworkbook.checker.policy;

import java.util.List;
import java.util.Optional;

/**
 * The table of JDK and library APIs a submission may not use, by class (internal name) or package prefix, and
 * optionally by member. Uses that depend on a constant argument (environment variables, system properties,
 * {@code Class.forName}) are decided by {@link ClassInspector}, not here.
 */
final class ForbiddenApis {

    /**
     * One entry of the table.
     *
     * @param category the family of the forbidden use, or null for an entry that allows what later entries forbid
     * @param owner an internal class name ({@code java/lang/System}) or a package prefix ending in {@code /}
     * @param members the member names it covers; empty for every member and every reference to the class itself
     */
    record Rule(Category category, String owner, List<String> members) {

        boolean matchesClass(String className) {
            return owner.endsWith("/") ? className.startsWith(owner) : className.equals(owner);
        }

        boolean matches(String className, String member) {
            return matchesClass(className) && (members.isEmpty() || members.contains(member));
        }
    }

    /** The first matching rule wins, so narrower rules that lift a package rule come before it. */
    private static final List<Rule> RULES = List.of(
            rule(Category.EXIT, "java/lang/System", "exit"),
            rule(Category.EXIT, "java/lang/Runtime", "exit", "halt"),
            rule(Category.NATIVE, "java/lang/System", "load", "loadLibrary", "mapLibraryName"),
            rule(Category.NATIVE, "java/lang/Runtime", "load", "loadLibrary"),
            rule(Category.PROCESS, "java/lang/Runtime", "exec"),
            rule(Category.PROCESS_STREAMS, "java/lang/System", "setIn", "setOut", "setErr", "inheritedChannel",
                    "console"),
            rule(Category.SYSTEM_PROPERTIES, "java/lang/System", "setProperty", "clearProperty", "setProperties",
                    "getProperties", "setSecurityManager", "getSecurityManager"),
            rule(Category.PROCESS, "java/lang/ProcessBuilder"),
            rule(Category.PROCESS, "java/lang/ProcessBuilder$Redirect"),
            rule(Category.PROCESS, "java/lang/Process"),
            rule(Category.PROCESS, "java/lang/ProcessHandle"),
            rule(Category.PROCESS, "java/lang/ProcessHandle$Info"),

            rule(Category.REFLECTION, "java/lang/Class", "getDeclaredField", "getDeclaredFields", "getDeclaredMethod",
                    "getDeclaredMethods", "getDeclaredConstructor", "getDeclaredConstructors", "getField",
                    "getFields", "getMethod", "getMethods", "getConstructor", "getConstructors", "newInstance",
                    "getRecordComponents", "getEnclosingMethod", "getEnclosingConstructor", "getModule",
                    "getProtectionDomain", "getNestHost", "getNestMembers", "getPermittedSubclasses"),
            rule(Category.RESOURCES, "java/lang/Class", "getResource", "getResourceAsStream", "getClassLoader"),
            rule(Category.RESOURCES, "java/lang/Thread", "getContextClassLoader"),
            rule(Category.RESOURCES, "java/lang/ClassLoader", "getResource", "getResourceAsStream", "getResources",
                    "getSystemResource", "getSystemResourceAsStream", "getSystemResources"),
            rule(Category.CLASS_LOADING, "java/lang/Thread", "setContextClassLoader"),
            rule(Category.REFLECTION, "java/lang/Thread", "stop", "suspend", "resume", "getAllStackTraces",
                    "setDefaultUncaughtExceptionHandler"),
            rule(Category.REFLECTION, "java/lang/reflect/"),
            allowed("java/lang/invoke/MethodHandles", "byteArrayViewVarHandle", "byteBufferViewVarHandle",
                    "arrayElementVarHandle"),
            allowed("java/lang/invoke/VarHandle"),
            allowed("java/lang/invoke/VarHandle$AccessMode"),
            rule(Category.REFLECTION, "java/lang/invoke/"),
            rule(Category.REFLECTION, "java/lang/StackWalker", "getCallerClass"),
            rule(Category.REFLECTION, "java/lang/Module"),
            rule(Category.REFLECTION, "java/lang/ModuleLayer"),
            rule(Category.REFLECTION, "java/lang/ModuleLayer$Controller"),
            rule(Category.REFLECTION, "java/beans/"),
            rule(Category.CLASS_LOADING, "java/lang/ClassLoader"),
            rule(Category.CLASS_LOADING, "java/security/SecureClassLoader"),
            rule(Category.CLASS_LOADING, "java/net/URLClassLoader"),
            rule(Category.CLASS_LOADING, "java/util/ServiceLoader"),
            rule(Category.CLASS_LOADING, "java/lang/instrument/"),
            rule(Category.CLASS_LOADING, "javax/tools/"),
            rule(Category.CLASS_LOADING, "javax/script/"),
            rule(Category.CLASS_LOADING, "java/rmi/"),
            rule(Category.CLASS_LOADING, "javax/naming/"),
            rule(Category.CLASS_LOADING, "java/io/ObjectInputStream"),
            rule(Category.NATIVE, "java/lang/foreign/"),
            rule(Category.MANAGEMENT, "java/lang/management/"),
            rule(Category.MANAGEMENT, "javax/management/"),
            rule(Category.MANAGEMENT, "java/lang/ref/Cleaner"),
            rule(Category.INTERNAL, "sun/"),
            rule(Category.INTERNAL, "com/sun/"),
            rule(Category.INTERNAL, "jdk/"),

            rule(Category.NETWORK, "java/net/URL", "openConnection", "openStream", "getContent"),
            rule(Category.NETWORK, "java/net/Socket"),
            rule(Category.NETWORK, "java/net/ServerSocket"),
            rule(Category.NETWORK, "java/net/DatagramSocket"),
            rule(Category.NETWORK, "java/net/MulticastSocket"),
            rule(Category.NETWORK, "java/net/SocketImpl"),
            rule(Category.NETWORK, "java/net/URLConnection"),
            rule(Category.NETWORK, "java/net/HttpURLConnection"),
            rule(Category.NETWORK, "java/net/JarURLConnection"),
            rule(Category.NETWORK, "java/net/URLStreamHandler"),
            rule(Category.NETWORK, "java/nio/channels/SocketChannel"),
            rule(Category.NETWORK, "java/nio/channels/ServerSocketChannel"),
            rule(Category.NETWORK, "java/nio/channels/DatagramChannel"),
            rule(Category.NETWORK, "java/nio/channels/AsynchronousSocketChannel"),
            rule(Category.NETWORK, "java/nio/channels/AsynchronousServerSocketChannel"),
            rule(Category.NETWORK, "java/nio/channels/spi/"),
            rule(Category.NETWORK, "javax/net/"),
            rule(Category.HTTP_CLIENT, "java/net/http/"),
            rule(Category.AWS_PROFILE, "software/amazon/awssdk/profiles/"),
            rule(Category.AWS_PROFILE, "software/amazon/awssdk/auth/credentials/ProfileCredentialsProvider"),
            rule(Category.AWS_PROFILE, "software/amazon/awssdk/auth/credentials/ProfileCredentialsProvider$Builder"),
            rule(Category.AWS_SDK, "software/amazon/awssdk/"),

            rule(Category.PROCESS_STREAMS, "java/io/FileDescriptor"),
            rule(Category.FILES, "java/io/File"),
            rule(Category.FILES, "java/io/FileInputStream"),
            rule(Category.FILES, "java/io/FileOutputStream"),
            rule(Category.FILES, "java/io/FileReader"),
            rule(Category.FILES, "java/io/FileWriter"),
            rule(Category.FILES, "java/io/RandomAccessFile"),
            rule(Category.FILES, "java/nio/file/"),
            rule(Category.FILES, "java/nio/channels/FileChannel"),
            rule(Category.FILES, "java/nio/channels/AsynchronousFileChannel"),
            rule(Category.FILES, "java/util/zip/ZipFile"),
            rule(Category.FILES, "java/util/jar/JarFile"));

    /**
     * Constructors that open a file when given a name or a {@code File}: {@code new PrintStream("x.txt")}. Their
     * other constructors, on streams, stay allowed.
     */
    private static final List<String> FILE_OPENING_CLASSES = List.of(
            "java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter", "java/util/Scanner");

    private ForbiddenApis() {
    }

    /** Returns the rule a call or field access breaks; {@code descriptor} distinguishes the constructors that open a file. */
    static Optional<Rule> forMember(String owner, String member, String descriptor) {
        if (member.equals("<init>") && FILE_OPENING_CLASSES.contains(owner) && opensFile(owner, descriptor)) {
            return Optional.of(new Rule(Category.FILES, owner, List.of("<init>")));
        }
        return RULES.stream().filter(rule -> rule.matches(owner, member)).findFirst()
                .filter(rule -> rule.category() != null);
    }

    /** Returns the rule a plain reference to the class breaks (new, cast, instanceof, class literal, supertype). */
    static Optional<Rule> forClass(String className) {
        return RULES.stream().filter(rule -> rule.members().isEmpty() && rule.matchesClass(className)).findFirst()
                .filter(rule -> rule.category() != null);
    }

    /**
     * Returns whether the constructor takes a file: a {@code File} or {@code Path} first, or a file name first,
     * except {@code Scanner(String)}, which reads the string itself.
     */
    private static boolean opensFile(String owner, String descriptor) {
        String parameters = descriptor.substring(1, descriptor.indexOf(')'));
        if (parameters.startsWith("Ljava/io/File;") || parameters.startsWith("Ljava/nio/file/Path;")) {
            return true;
        }
        return parameters.startsWith("Ljava/lang/String;") && !owner.equals("java/util/Scanner");
    }

    /**
     * Returns an entry that allows a part of a forbidden package: views of arrays as other types through a
     * {@code VarHandle} reach no member of another class, unlike the lookups that the package rule forbids.
     */
    private static Rule allowed(String owner, String... members) {
        return new Rule(null, owner, List.of(members));
    }

    private static Rule rule(Category category, String owner, String... members) {
        return new Rule(category, owner, List.of(members));
    }
}

package dev.lambdaworkbook.checker.policy;

import dev.lambdaworkbook.checker.scan.Violation;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks one compiled class against an exercise's policy: every method call, field access, type reference,
 * constant and method handle, with the source line from the class's line number table.
 */
final class ClassInspector extends ClassVisitor {

    static final int ASM_API = Opcodes.ASM9;

    /** Packages of the JDK, JUnit, the kit and the checker: a class there could reach their package-private parts. */
    static final List<String> RESERVED_PACKAGES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
            "org/junit/", "org/opentest4j/", "org/apiguardian/", "dev/lambdaworkbook/kit/",
            "dev/lambdaworkbook/checker/");

    /** Bootstrap methods javac emits for lambdas, string concatenation, records and pattern switches. */
    private static final Set<String> JAVAC_BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods",
            "java/lang/runtime/SwitchBootstraps", "java/lang/invoke/ConstantBootstraps");

    /** Properties that lead to the instructor's files or credentials. */
    private static final Set<String> SECRET_PROPERTIES = Set.of("user.home", "aws.accessKeyId",
            "aws.secretAccessKey", "aws.sessionToken", "aws.sharedCredentialsFile", "aws.configFile");

    /** Environment variables that hold AWS credentials. The SDK reads them, and student code never needs to. */
    private static final Set<String> CREDENTIAL_VARIABLES = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_PROFILE");

    /** A path with a {@code .aws} folder in it, such as {@code ~/.aws/credentials}. */
    private static final Pattern AWS_FOLDER = Pattern.compile("(^|[/\\\\])\\.aws([/\\\\]|$)");

    private final ExercisePolicy policy;
    private final Set<String> studentClasses;
    private final Map<String, Violation> found = new LinkedHashMap<>();
    private String className = "";
    private String sourceName = "";

    /**
     * @param studentClasses the internal names of every class in the submission, which may load each other by name
     */
    ClassInspector(ExercisePolicy policy, Set<String> studentClasses) {
        super(ASM_API);
        this.policy = policy;
        this.studentClasses = studentClasses;
    }

    /** Returns the violations of the class file, in the order they appear in it. */
    static List<Violation> inspect(byte[] classFile, ExercisePolicy policy, Set<String> studentClasses) {
        ClassInspector inspector = new ClassInspector(policy, studentClasses);
        new ClassReader(classFile).accept(inspector, ClassReader.SKIP_FRAMES);
        return new ArrayList<>(inspector.found.values());
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        className = name;
        sourceName = Type.getObjectType(name).getClassName();
        for (String reserved : RESERVED_PACKAGES) {
            if (name.startsWith(reserved)) {
                String where = policy.codePackage().isEmpty() ? "en el paquete del ejercicio"
                        : "en el paquete del ejercicio, " + policy.codePackage();
                report(null, 0, "la clase está en el paquete reservado '" + packageOf(name) + "', que es del JDK, "
                        + "de JUnit o del corrector: pon tus clases " + where, "reservado");
                break;
            }
        }
        if (superName != null) {
            checkClass(superName, null, 0);
        }
        for (String implemented : interfaces) {
            checkClass(implemented, null, 0);
        }
    }

    @Override
    public void visitSource(String source, String debug) {
        // The class name, not the file name, identifies the class in reports.
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            report(name, 0, Category.NATIVE.explain("el método nativo " + name), Category.NATIVE.name());
        }
        boolean equalsMethod = name.equals("equals") && descriptor.equals("(Ljava/lang/Object;)Z")
                && (access & Opcodes.ACC_STATIC) == 0;
        return new MethodInspector(name, equalsMethod);
    }

    private void checkClass(String internalName, String method, int line) {
        String element = elementType(internalName);
        if (element == null || isStudentClass(element)) {
            return;
        }
        ForbiddenApis.forClass(element).ifPresent(rule -> breaks(rule, sourceName(element), method, line));
    }

    private void checkMember(String owner, String member, String descriptor, String method, int line) {
        String element = elementType(owner);
        if (element == null || isStudentClass(element)) {
            return;
        }
        Optional<ForbiddenApis.Rule> rule = ForbiddenApis.forMember(element, member, descriptor);
        String api = member.equals("<init>") ? "new " + sourceName(element) : sourceName(element) + "." + member;
        rule.ifPresent(broken -> breaks(broken, api, method, line));
    }

    private void breaks(ForbiddenApis.Rule rule, String api, String method, int line) {
        Category category = rule.category();
        if (!policy.allows(category.waivedBy())) {
            report(method, line, category.explain(api), category.name());
        }
    }

    private void report(String method, int line, String reason, String kind) {
        String key = method + ":" + line + ":" + kind;
        found.putIfAbsent(key, new Violation(sourceName, displayMethod(method), line, reason));
    }

    private boolean isStudentClass(String internalName) {
        return studentClasses.contains(internalName) || internalName.equals(className);
    }

    /** Returns the class an array type holds, the name itself for a class, or null for primitive arrays. */
    private static String elementType(String internalName) {
        if (!internalName.startsWith("[")) {
            return internalName;
        }
        Type element = Type.getType(internalName).getElementType();
        return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
    }

    private static String sourceName(String internalName) {
        return Type.getObjectType(internalName).getClassName().replace('$', '.');
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }

    /** Shows a lambda body as the method that declares it: {@code lambda$handleRequest$0} is in handleRequest. */
    private static String displayMethod(String method) {
        if (method != null && method.startsWith("lambda$")) {
            String[] parts = method.split("\\$");
            if (parts.length >= 2 && !parts[1].isEmpty()) {
                String declaring = switch (parts[1]) {
                    case "static" -> "<clinit>";
                    case "new" -> "<init>";
                    default -> parts[1];
                };
                return declaring + " (lambda)";
            }
        }
        return method;
    }

    /** Checks the instructions of one method, tracking the source line and the string constants just pushed. */
    private final class MethodInspector extends MethodVisitor {

        private final String method;
        private final boolean equalsMethod;
        private final List<String> constants = new ArrayList<>();
        private final List<Integer> opcodes = new ArrayList<>();
        private int line;
        private int firstLine;

        MethodInspector(String method, boolean equalsMethod) {
            super(ASM_API);
            this.method = method;
            this.equalsMethod = equalsMethod;
        }

        @Override
        public void visitLineNumber(int number, Label start) {
            line = number;
            if (firstLine == 0) {
                firstLine = number;
            }
        }

        @Override
        public void visitInsn(int opcode) {
            instruction(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            instruction(opcode);
        }

        @Override
        public void visitVarInsn(int opcode, int variable) {
            instruction(opcode);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            instruction(opcode);
        }

        @Override
        public void visitIincInsn(int variable, int increment) {
            instruction(Opcodes.IINC);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            instruction(Opcodes.TABLESWITCH);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            instruction(Opcodes.LOOKUPSWITCH);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            instruction(opcode);
            checkClass(type, method, line);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            instruction(Opcodes.MULTIANEWARRAY);
            checkClass(descriptor, method, line);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            instruction(opcode);
            checkMember(owner, name, descriptor, method, line);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            List<String> arguments = List.copyOf(constants);
            instruction(opcode);
            if (owner.equals("java/lang/System") && name.equals("getenv")) {
                checkEnvironment(descriptor, arguments);
            } else if (owner.equals("java/lang/System") && name.equals("getProperty")) {
                checkProperty(descriptor, arguments);
            } else if (owner.equals("java/lang/Class") && name.equals("forName")) {
                checkForName(descriptor, arguments);
            } else {
                checkMember(owner, name, descriptor, method, line);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            instruction(Opcodes.INVOKEDYNAMIC);
            checkBootstrap(bootstrap, arguments);
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof String text) {
                opcodes.add(Opcodes.LDC);
                constants.add(text);
                checkConstant(text);
                return;
            }
            instruction(Opcodes.LDC);
            if (value instanceof Type type && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
                checkClass(type.getInternalName(), method, line);
            } else if (value instanceof Handle handle) {
                checkHandle(handle);
            } else if (value instanceof ConstantDynamic dynamic) {
                checkBootstrap(dynamic.getBootstrapMethod(), bootstrapArguments(dynamic));
            }
        }

        @Override
        public void visitEnd() {
            if (equalsMethod && opcodes.equals(List.of(Opcodes.ICONST_1, Opcodes.IRETURN))) {
                report(method, firstLine, "equals devuelve siempre true: las pruebas comparan resultados con "
                        + "equals, y un objeto igual a todo las engañaría", "equals");
            }
        }

        private void instruction(int opcode) {
            opcodes.add(opcode);
            constants.clear();
        }

        private void checkEnvironment(String descriptor, List<String> arguments) {
            if (descriptor.startsWith("()") && !policy.declaredEnvironment().isEmpty()) {
                return;
            }
            if (descriptor.startsWith("()")) {
                report(method, line, "lee todas las variables de entorno con System.getenv(), pero este ejercicio "
                        + "no declara ninguna en template.yaml: solo puedes leer " + policy.readableVariables(),
                        "entorno");
            } else if (arguments.isEmpty()) {
                report(method, line, "lee una variable de entorno cuyo nombre no es una constante: escribe el "
                        + "nombre entre comillas, System.getenv(\"NOMBRE\"); puedes leer " + policy.readableVariables(),
                        "entorno");
            } else {
                String variable = arguments.get(arguments.size() - 1);
                if (!policy.mayRead(variable)) {
                    report(method, line, "lee la variable de entorno '" + variable + "', que el ejercicio no "
                            + "declara: puedes leer " + policy.readableVariables(), "entorno:" + variable);
                }
            }
        }

        private void checkProperty(String descriptor, List<String> arguments) {
            int keyFromEnd = descriptor.startsWith("(Ljava/lang/String;Ljava/lang/String;)") ? 2 : 1;
            if (arguments.size() < keyFromEnd) {
                return;
            }
            String property = arguments.get(arguments.size() - keyFromEnd);
            if (SECRET_PROPERTIES.contains(property)) {
                report(method, line, "lee la propiedad del sistema '" + property + "', que lleva a las credenciales "
                        + "o a la carpeta personal de quien ejecuta las pruebas", "propiedad:" + property);
            }
        }

        private void checkForName(String descriptor, List<String> arguments) {
            boolean constant = !arguments.isEmpty() && descriptor.startsWith("(Ljava/lang/String;");
            String requested = constant ? arguments.get(0).replace('.', '/') : null;
            if (requested == null || !studentClasses.contains(requested)) {
                String target = requested == null ? "una clase cuyo nombre no es una constante"
                        : "la clase '" + arguments.get(0) + "', que no es de tu entrega";
                report(method, line, Category.REFLECTION.explain("Class.forName") + " (carga " + target + ")",
                        Category.REFLECTION.name());
            }
        }

        private void checkBootstrap(Handle bootstrap, Object[] arguments) {
            if (!JAVAC_BOOTSTRAPS.contains(bootstrap.getOwner())) {
                report(method, line, Category.REFLECTION.explain("invokedynamic con el método de arranque "
                        + sourceName(bootstrap.getOwner()) + "." + bootstrap.getName()), Category.REFLECTION.name());
            }
            for (Object argument : arguments) {
                if (argument instanceof Handle handle) {
                    checkHandle(handle);
                } else if (argument instanceof Type type && type.getSort() == Type.OBJECT) {
                    checkClass(type.getInternalName(), method, line);
                }
            }
        }

        /** Checks a method reference such as {@code System::exit}, which compiles to a handle, not a call. */
        private void checkHandle(Handle handle) {
            if (handle.getOwner().equals("java/lang/System") && handle.getName().equals("getenv")) {
                checkEnvironment(handle.getDesc().startsWith("()") ? "()" : "(x)", List.of());
            } else if (handle.getOwner().equals("java/lang/Class") && handle.getName().equals("forName")) {
                checkForName(handle.getDesc(), List.of());
            } else {
                checkMember(handle.getOwner(), handle.getName(), handle.getDesc(), method, line);
            }
        }

        private void checkConstant(String text) {
            if (CREDENTIAL_VARIABLES.contains(text)) {
                report(method, line, "nombra la variable de entorno '" + text + "', que guarda credenciales de AWS: "
                        + "en Lambda solo el SDK las lee, a partir del rol de la función", "credencial:" + text);
            }
            if (AWS_FOLDER.matcher(text).find()) {
                report(method, line, Category.AWS_PROFILE.explain("la ruta '" + text + "'"), "aws:" + text);
            }
            if (policy.allows(Permission.TMP_FILES) && isOutsideTmp(text)) {
                report(method, line, "usa la ruta '" + text + "', fuera de /tmp: en Lambda solo /tmp admite "
                        + "escritura, y este ejercicio solo trabaja ahí", "ruta:" + text);
            }
        }

        private boolean isOutsideTmp(String text) {
            if (text.equals("/") || !(text.startsWith("/") || text.startsWith("~"))) {
                return false;
            }
            try {
                Path path = Path.of(text).normalize();
                return !path.equals(Path.of("/tmp")) && !path.startsWith(Path.of("/tmp"));
            } catch (InvalidPathException notAPath) {
                return true;
            }
        }
    }

    private static Object[] bootstrapArguments(ConstantDynamic dynamic) {
        Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = dynamic.getBootstrapMethodArgument(i);
        }
        return arguments;
    }
}

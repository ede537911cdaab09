package dev.lambdaworkbook.kit.zip;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * A handler loaded from an {@link UnpackedPackage} in its own class loader and called by reflection, as Lambda's
 * runtime calls it, so a test proves the package works and not only the source.
 *
 * <p>The package brings its own copy of aws-lambda-java-core, so its {@code Context} is a different interface from
 * the caller's. {@link #invoke} passes a proxy of the package's {@code Context} that forwards every call to the
 * caller's context and translates the objects it returns (the logger) and the enum arguments it takes (log levels).
 */
public final class PackagedHandler implements AutoCloseable {

    private static final String CONTEXT = Context.class.getName();

    private final URLClassLoader classLoader;
    private final Class<?> handlerClass;
    private final Method method;

    private PackagedHandler(URLClassLoader classLoader, Class<?> handlerClass, Method method) {
        this.classLoader = classLoader;
        this.handlerClass = handlerClass;
        this.method = method;
    }

    /**
     * Loads the handler named by a handler string, {@code package.Class::method} or {@code package.Class} (method
     * {@code handleRequest}). The method takes the event, or the event and a {@code Context}.
     *
     * @throws ClassNotFoundException when the package does not contain the class
     * @throws NoSuchMethodException when the class has no public method of that name with one or two parameters
     */
    public static PackagedHandler load(UnpackedPackage unpacked, String handler) throws ReflectiveOperationException {
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        URLClassLoader classLoader = unpacked.newClassLoader();
        try {
            Class<?> handlerClass = Class.forName(className, true, classLoader);
            return new PackagedHandler(classLoader, handlerClass, handlerMethod(handlerClass, methodName));
        } catch (ReflectiveOperationException | LinkageError failure) {
            closeQuietly(classLoader, failure);
            throw failure;
        }
    }

    private static Method handlerMethod(Class<?> handlerClass, String name) throws NoSuchMethodException {
        for (Method candidate : handlerClass.getMethods()) {
            boolean shape = candidate.getParameterCount() == 1 || candidate.getParameterCount() == 2
                    && candidate.getParameterTypes()[1].getName().equals(CONTEXT);
            if (candidate.getName().equals(name) && shape && !candidate.isBridge()) {
                return candidate;
            }
        }
        throw new NoSuchMethodException("La clase '" + handlerClass.getName() + "' no tiene un método público '"
                + name + "(evento)' ni '" + name + "(evento, Context)'.");
    }

    public Class<?> handlerClass() {
        return handlerClass;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Creates the handler with its public no-arg constructor, as the runtime does, and calls it once with the
     * package's class loader as the thread's context class loader.
     *
     * @throws Exception whatever the constructor or the handler throws, unwrapped; an {@link Error} such as
     *     {@code NoClassDefFoundError} is rethrown as it is
     */
    public Object invoke(Object event, Context context) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            Object handler = handlerClass.getConstructor().newInstance();
            Object[] arguments = method.getParameterCount() == 1 ? new Object[] {event}
                    : new Object[] {event, adapt(context, method.getParameterTypes()[1])};
            return method.invoke(handler, arguments);
        } catch (InvocationTargetException thrown) {
            if (thrown.getCause() instanceof Error error) {
                throw error;
            }
            throw thrown.getCause() instanceof Exception exception ? exception : thrown;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws IOException {
        classLoader.close();
    }

    /** Returns {@code value} as an instance of {@code type}, which may come from another class loader. */
    static Object adapt(Object value, Class<?> type) {
        if (value == null || type.isInstance(value) || type.isPrimitive()) {
            return value;
        }
        if (type.isEnum() && value instanceof Enum<?> constant) {
            return enumConstant(type, constant.name());
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, forwarder(value, type));
        }
        throw new IllegalArgumentException("No se puede pasar un " + value.getClass().getName() + " donde el paquete "
                + "espera un " + type.getName() + ".");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    /** Forwards each call on the proxy to the method of the same name and parameter types in the target's class loader. */
    private static InvocationHandler forwarder(Object target, Class<?> proxiedType) {
        return (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Puente de " + proxiedType.getName() + " hacia " + target;
                };
            }
            Method targetMethod;
            try {
                targetMethod = targetMethod(target, method);
            } catch (ReflectiveOperationException missing) {
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, arguments);
                }
                throw new UnsupportedOperationException("El contexto de la prueba no implementa '" + method.getName()
                        + "' del " + proxiedType.getName() + " del paquete.", missing);
            }
            Object[] translated = arguments == null ? null : new Object[arguments.length];
            for (int index = 0; translated != null && index < arguments.length; index++) {
                translated[index] = adapt(arguments[index], targetMethod.getParameterTypes()[index]);
            }
            try {
                return adapt(targetMethod.invoke(target, translated), method.getReturnType());
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        };
    }

    /** Finds the method on the interface of the same name that the target implements, so it is always accessible. */
    private static Method targetMethod(Object target, Method method) throws ReflectiveOperationException {
        ClassLoader targetLoader = target.getClass().getClassLoader();
        Class<?> targetInterface = Class.forName(method.getDeclaringClass().getName(), false, targetLoader);
        Class<?>[] parameterTypes = Arrays.stream(method.getParameterTypes())
                .map(parameter -> sameType(parameter, targetLoader)).toArray(Class<?>[]::new);
        return targetInterface.getMethod(method.getName(), parameterTypes);
    }

    private static Class<?> sameType(Class<?> type, ClassLoader loader) {
        if (type.isPrimitive() || type.isArray() || type.getClassLoader() == null) {
            return type;
        }
        try {
            return Class.forName(type.getName(), false, loader);
        } catch (ClassNotFoundException missing) {
            return type;
        }
    }

    private static void closeQuietly(URLClassLoader classLoader, Throwable failure) {
        try {
            classLoader.close();
        } catch (IOException closing) {
            failure.addSuppressed(closing);
        }
    }
}

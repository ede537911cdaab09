package dev.lambdaworkbook.runner.child;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a handler string as the Java runtime of Lambda does (aws-lambda-java-runtime-interface-client 2.x):
 * {@code package.Class} must implement {@link RequestHandler} or {@link RequestStreamHandler};
 * {@code package.Class::method} names a public method whose parameters are the event and/or the {@link Context}, or
 * the streams. The error messages are the runtime's own, in English, because they are what students will see in
 * the console and search for.
 */
final class HandlerLoader {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /**
     * Overloads are tried in this order: real methods before bridge methods, then longer signatures first, with a
     * trailing Context counted as one extra parameter (the runtime's rule, kept for compatibility).
     */
    private static final Comparator<Method> METHOD_PRIORITY = Comparator
            .comparing(Method::isBridge)
            .thenComparing(method -> -weight(method));

    private final ClassLoader loader;
    private final Serializers serializers;

    HandlerLoader(ClassLoader loader) {
        this.loader = loader;
        this.serializers = new Serializers(loader);
    }

    /**
     * Loads the handler. Faults that the runtime reports on each invocation come back as a failing handler; a fault
     * while creating the handler (its class initializer or constructor throws) is thrown as a fatal {@link UserFault}.
     */
    FunctionHandler load(String handler) {
        int separator = handler.lastIndexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? null : handler.substring(separator + 2);
        if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
            return FunctionHandler.failing(UserFault.ofMessage("Invalid handler: `" + handler + "'"));
        }
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(className, true, loader);
        } catch (ClassNotFoundException missing) {
            return FunctionHandler.failing(UserFault.classNotFound(missing, className));
        } catch (NoClassDefFoundError missingDependency) {
            return FunctionHandler.failing(UserFault.initError(missingDependency, className));
        } catch (Throwable initializerFailed) {
            throw UserFault.initError(initializerFailed, className);
        }
        FunctionHandler loaded;
        try {
            loaded = methodName == null ? loadClassHandler(handlerClass) : loadMethodHandler(handlerClass, methodName);
        } catch (UserFault fault) {
            loaded = FunctionHandler.failing(fault);
            if (fault.fatal) {
                throw fault;
            }
        } catch (RuntimeException | LinkageError unusable) {
            // Like the runtime, a handler that cannot be wrapped (e.g. its serializer fails) fails each invocation.
            loaded = FunctionHandler.failing(UserFault.of(unusable, false));
        }
        return loaded;
    }

    private FunctionHandler loadClassHandler(Class<?> handlerClass) {
        if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            RequestStreamHandler instance = (RequestStreamHandler) newInstance(handlerClass);
            return (payload, context) -> {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                instance.handleRequest(new ByteArrayInputStream(payload), output, context);
                return output.toByteArray();
            };
        }
        if (RequestHandler.class.isAssignableFrom(handlerClass)) {
            return loadRequestHandler(handlerClass);
        }
        throw UserFault.ofMessage("Class does not implement an appropriate handler interface: " + handlerClass.getName());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private FunctionHandler loadRequestHandler(Class<?> handlerClass) {
        Type[] types = TypeArguments.of(handlerClass, RequestHandler.class);
        if (types == null) {
            throw UserFault.ofMessage("Class " + handlerClass.getName()
                    + " does not implement RequestHandler with concrete type parameters");
        }
        for (Type type : types) {
            if (type instanceof TypeVariable<?> variable && Arrays.stream(variable.getBounds()).allMatch(Object.class::equals)) {
                throw UserFault.ofMessage("Class " + handlerClass.getName()
                        + " does not implement RequestHandler with concrete type parameters: parameter " + variable
                        + " has no upper bound.");
            }
        }
        RequestHandler instance = (RequestHandler) newInstance(handlerClass);
        return pojoHandler(types[0], types[1], (input, context) -> instance.handleRequest(input, context));
    }

    private FunctionHandler loadMethodHandler(Class<?> handlerClass, String methodName) {
        Method[] candidates;
        try {
            candidates = handlerClass.getMethods();
        } catch (NoClassDefFoundError missing) {
            throw new UserFault("Error loading method " + methodName + " on class " + handlerClass.getName(),
                    missing.getClass().getName(), UserFault.trace(missing), false);
        }
        Method[] named = Arrays.stream(candidates)
                .filter(method -> method.getName().equals(methodName))
                .sorted(METHOD_PRIORITY)
                .toArray(Method[]::new);
        for (Method method : named) {
            Optional<FunctionHandler> handler = fromOverload(handlerClass, method);
            if (handler.isPresent()) {
                return handler.get();
            }
        }
        throw UserFault.ofMessage("No public method named " + methodName
                + " with appropriate method signature found on class " + handlerClass.getName());
    }

    /** Accepts the runtime's signatures: (), (event), (Context), (event, Context) and the stream forms. */
    private Optional<FunctionHandler> fromOverload(Class<?> handlerClass, Method method) {
        Type[] parameters = method.getGenericParameterTypes();
        Type returnType = method.getGenericReturnType();
        switch (parameters.length) {
            case 0:
                return Optional.of(methodHandler(handlerClass, method, null, returnType, false));
            case 1:
                if (InputStream.class.equals(parameters[0])) {
                    return Optional.of(streamMethodHandler(handlerClass, method, true, false, false));
                }
                if (OutputStream.class.equals(parameters[0])) {
                    return Optional.of(streamMethodHandler(handlerClass, method, false, true, false));
                }
                if (Context.class.equals(parameters[0])) {
                    return Optional.of(methodHandler(handlerClass, method, null, returnType, true));
                }
                return Optional.of(methodHandler(handlerClass, method, parameters[0], returnType, false));
            case 2:
                return fromTwoParameters(handlerClass, method, parameters[0], parameters[1], returnType);
            case 3:
                if (InputStream.class.equals(parameters[0]) && OutputStream.class.equals(parameters[1])
                        && Context.class.equals(parameters[2])) {
                    return Optional.of(streamMethodHandler(handlerClass, method, true, true, true));
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private Optional<FunctionHandler> fromTwoParameters(Class<?> handlerClass, Method method, Type first,
            Type second, Type returnType) {
        if (OutputStream.class.equals(first)) {
            return Context.class.equals(second)
                    ? Optional.of(streamMethodHandler(handlerClass, method, false, true, true))
                    : Optional.empty();
        }
        if (Context.class.equals(first)) {
            return Optional.empty();
        }
        if (InputStream.class.equals(first)) {
            if (OutputStream.class.equals(second)) {
                return Optional.of(streamMethodHandler(handlerClass, method, true, true, false));
            }
            return Context.class.equals(second)
                    ? Optional.of(streamMethodHandler(handlerClass, method, true, false, true))
                    : Optional.empty();
        }
        return Context.class.equals(second)
                ? Optional.of(methodHandler(handlerClass, method, first, returnType, true))
                : Optional.empty();
    }

    private FunctionHandler methodHandler(Class<?> handlerClass, Method method, Type inputType, Type returnType,
            boolean needsContext) {
        Object instance = Modifier.isStatic(method.getModifiers()) ? null : newInstance(handlerClass);
        return pojoHandler(inputType, returnType, (input, context) -> {
            Object[] arguments = new Object[(inputType != null ? 1 : 0) + (needsContext ? 1 : 0)];
            int next = 0;
            if (inputType != null) {
                arguments[next++] = input;
            }
            if (needsContext) {
                arguments[next] = context;
            }
            return invoke(method, instance, arguments);
        });
    }

    private FunctionHandler streamMethodHandler(Class<?> handlerClass, Method method, boolean needsInput,
            boolean needsOutput, boolean needsContext) {
        Object instance = Modifier.isStatic(method.getModifiers()) ? null : newInstance(handlerClass);
        return (payload, context) -> {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Object[] arguments = new Object[(needsInput ? 1 : 0) + (needsOutput ? 1 : 0) + (needsContext ? 1 : 0)];
            int next = 0;
            if (needsInput) {
                arguments[next++] = new ByteArrayInputStream(payload);
            }
            if (needsOutput) {
                arguments[next++] = output;
            }
            if (needsContext) {
                arguments[next] = context;
            }
            invoke(method, instance, arguments);
            return output.toByteArray();
        };
    }

    /** The user's code behind a typed handler: takes the deserialised event, returns the result to serialise. */
    @FunctionalInterface
    private interface TypedCall {
        Object call(Object input, Context context) throws Throwable;
    }

    /** Wraps a typed call with the runtime's JSON handling and its error messages for both directions. */
    private FunctionHandler pojoHandler(Type inputType, Type returnType, TypedCall call) {
        boolean voidResult = Void.TYPE.equals(returnType)
                || (returnType instanceof Class<?> type && Void.class.isAssignableFrom(type));
        if (inputType != null) {
            serializers.forType(inputType);
        }
        if (!voidResult) {
            serializers.forType(returnType);
        }
        return (payload, context) -> {
            Object input;
            try {
                input = inputType == null ? null : serializers.forType(inputType).fromJson(new ByteArrayInputStream(payload));
            } catch (Throwable unreadable) {
                throw new RuntimeException("An error occurred during JSON parsing", UserFault.filterStackTrace(unreadable));
            }
            Object result = call.call(input, context);
            if (voidResult) {
                return JSON_NULL;
            }
            try {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                serializers.forType(returnType).toJson(result, output);
                return output.toByteArray();
            } catch (Throwable unserialisable) {
                throw new RuntimeException("An error occurred during JSON serialization of response", unserialisable);
            }
        };
    }

    private static Object invoke(Method method, Object instance, Object[] arguments) throws Throwable {
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause() != null ? thrown.getCause() : thrown;
        }
    }

    private static Object newInstance(Class<?> handlerClass) {
        Constructor<?> constructor;
        try {
            constructor = handlerClass.getConstructor();
        } catch (NoSuchMethodException missing) {
            String reason = handlerClass.getEnclosingClass() != null && !Modifier.isStatic(handlerClass.getModifiers())
                    ? " cannot be instantiated because it is a non-static inner class"
                    : " has no public zero-argument constructor";
            throw UserFault.of(new Exception("Class " + handlerClass.getName() + reason), false);
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException thrown) {
            throw UserFault.of(thrown.getCause() == null ? thrown : thrown.getCause(), true);
        } catch (InstantiationException | IllegalAccessException unusable) {
            throw UserFault.of(unusable, false);
        }
    }

    private static int weight(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean endsWithContext = parameters.length > 0 && Context.class.equals(parameters[parameters.length - 1]);
        return parameters.length + (endsWithContext ? 1 : 0);
    }

    /** Finds the actual type arguments a class gives to a generic interface, through any chain of supertypes. */
    static final class TypeArguments {

        private TypeArguments() {
        }

        static Type[] of(Class<?> type, Class<?> target) {
            return find(type, target, new HashMap<>());
        }

        private static Type[] find(Type type, Class<?> target, Map<TypeVariable<?>, Type> outer) {
            Class<?> raw;
            Map<TypeVariable<?>, Type> bindings = new HashMap<>();
            if (type instanceof ParameterizedType parameterized) {
                raw = (Class<?>) parameterized.getRawType();
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] arguments = parameterized.getActualTypeArguments();
                for (int i = 0; i < variables.length; i++) {
                    bindings.put(variables[i], substitute(arguments[i], outer));
                }
            } else if (type instanceof Class<?> plain) {
                raw = plain;
            } else {
                return null;
            }
            if (raw.equals(target)) {
                if (!(type instanceof ParameterizedType)) {
                    return null;
                }
                return Arrays.stream(target.getTypeParameters()).map(bindings::get).toArray(Type[]::new);
            }
            for (Type parent : raw.getGenericInterfaces()) {
                Type[] found = find(parent, target, bindings);
                if (found != null) {
                    return found;
                }
            }
            Type superclass = raw.getGenericSuperclass();
            return superclass == null ? null : find(superclass, target, bindings);
        }

        private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
            return type instanceof TypeVariable<?> variable && bindings.containsKey(variable) ? bindings.get(variable) : type;
        }
    }
}

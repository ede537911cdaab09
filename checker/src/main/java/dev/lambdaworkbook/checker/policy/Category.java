package dev.lambdaworkbook.checker.policy;

/**
 * A family of forbidden uses, with the Spanish explanation reports show and the permission that lifts it, if any.
 * In each explanation {@code {api}} stands for the class or member the code uses.
 */
enum Category {
    EXIT(null, "termina la JVM con {api}: una función Lambda devuelve su respuesta desde el handler y nunca "
            + "termina su proceso"),
    PROCESS(null, "crea o controla procesos del sistema con {api}: una entrega no ejecuta otros programas"),
    REFLECTION(null, "usa reflexión con {api}: el corrector no admite reflexión, MethodHandles ni carga de clases "
            + "por nombre, porque permiten cambiar las pruebas y sus resultados"),
    INTERNAL(null, "usa la API interna {api}, que da acceso a la memoria y a las partes privadas de la JVM"),
    CLASS_LOADING(null, "carga o define clases con {api}: una entrega solo usa sus propias clases y las librerías "
            + "del ejercicio"),
    NATIVE(null, "usa código nativo con {api}: una entrega no carga librerías nativas"),
    MANAGEMENT(null, "usa la gestión de la JVM con {api}, que este ejercicio no necesita"),
    NETWORK(null, "abre conexiones de red con {api}: solo se permiten los clientes que pide el ejercicio"),
    HTTP_CLIENT(Permission.HTTP, "usa el cliente HTTP del JDK ({api}), que este ejercicio no necesita"),
    AWS_SDK(Permission.S3, "usa el SDK de AWS ({api}), que este ejercicio no necesita"),
    AWS_PROFILE(null, "lee perfiles o credenciales de AWS del disco con {api}: en Lambda las credenciales llegan "
            + "por el rol de la función, y el SDK las encuentra solo"),
    FILES(Permission.TMP_FILES, "accede al sistema de ficheros con {api}: este ejercicio no lee ni escribe "
            + "ficheros"),
    PROCESS_STREAMS(null, "usa la entrada o salida estándar del proceso con {api}: el corrector captura lo que "
            + "imprime tu código con System.out para mostrártelo"),
    SYSTEM_PROPERTIES(null, "cambia las propiedades del sistema con {api}, que comparten las pruebas y el "
            + "corrector"),
    RESOURCES(Permission.RESOURCES, "lee recursos del classpath con {api}: ahí están también las pruebas del "
            + "ejercicio");

    private final Permission waivedBy;
    private final String explanation;

    Category(Permission waivedBy, String explanation) {
        this.waivedBy = waivedBy;
        this.explanation = explanation;
    }

    Permission waivedBy() {
        return waivedBy;
    }

    String explain(String api) {
        return explanation.replace("{api}", api);
    }
}

package org.junit.jupiter.api;

/** Una clase en el paquete de JUnit, que vería sus partes privadas de paquete. */
public class Trampa {

    public static boolean ok() {
        return true;
    }
}

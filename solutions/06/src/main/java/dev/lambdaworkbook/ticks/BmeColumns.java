package dev.lambdaworkbook.ticks;

import java.util.ArrayList;
import java.util.List;

/**
 * The positions of the columns the filter needs in a BME line, and the field count of a complete line.
 *
 * @param fields the number of fields of a complete line
 */
record BmeColumns(int fields, int fecha, int valor, int volumen, int precio, int horaejec) {

    /** The standard RV_TICK layout: 38 fields, FECHA;SECUENCIA;VALOR;VOLUMEN;PRECIO;HORA;HORAEJEC;... */
    static final BmeColumns STANDARD = new BmeColumns(38, 0, 2, 3, 4, 6);

    /** Returns the highest index among the needed columns. */
    int lastNeeded() {
        return Math.max(Math.max(fecha, valor), Math.max(Math.max(volumen, precio), horaejec));
    }

    /**
     * Finds the columns by name in a header line.
     *
     * @throws TickFilterException when a needed column is missing
     */
    static BmeColumns fromHeader(String header) {
        List<String> names = new ArrayList<>();
        for (String name : header.split(";", -1)) {
            names.add(name.strip());
        }
        return new BmeColumns(names.size(), index(names, "FECHA"), index(names, "VALOR"), index(names, "VOLUMEN"),
                index(names, "PRECIO"), index(names, "HORAEJEC"));
    }

    private static int index(List<String> names, String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new TickFilterException("La cabecera del fichero no tiene la columna '" + name + "'. Tiene: "
                    + names + ". Comprueba que es un extracto RV_TICK de BME.");
        }
        return index;
    }
}

package dev.lambdaworkbook.ticks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Filtra un extracto diario RV_TICK de BME (campos separados por ';', con cabecera) y deja solo las operaciones de
 * SAN, TEF e IDX, como líneas CSV {@code VALOR,VOLUMEN,PRECIO,TIME}; por ejemplo
 * {@code SAN,1,5.41,2018-03-19 09:00:18.002}.
 *
 * <p>No depende de Lambda ni de S3: lee un {@link InputStream} y escribe en un {@link OutputStream}, así que lo puedes
 * probar y medir por separado.
 */
public final class TickFilter {

    /** Los valores que se conservan, comparados con VALOR sin los espacios de relleno. */
    public static final List<String> TICKERS = List.of("SAN", "TEF", "IDX");
    /** La primera línea de la salida. */
    public static final String OUTPUT_HEADER = "VALOR,VOLUMEN,PRECIO,TIME";

    /**
     * Lee {@code in} hasta el final y escribe en {@code out} la cabecera {@link #OUTPUT_HEADER} y las filas
     * conservadas, en el orden de entrada. No cierra ninguno de los dos; al terminar, vacía {@code out} (flush).
     */
    public FilterStats filter(InputStream in, OutputStream out) throws IOException {
        // TODO Tarea 1: localiza VALOR, VOLUMEN, PRECIO, FECHA y HORAEJEC por los nombres de la cabecera.
        // TODO Tarea 1: por cada fila cuyo VALOR, sin espacios, sea SAN, TEF o IDX, escribe
        //  VALOR,VOLUMEN,PRECIO,FECHA HORAEJEC con PRECIO en su forma más corta (5.4100 → 5.41, 8.0000 → 8.0).
        // TODO Tarea 2: salta el BOM, el \r de CRLF, las líneas en blanco y las cabeceras repetidas; salta y cuenta
        //  las filas mal formadas (otro número de campos, o valores que no se pueden leer).
        // TODO Tarea 3: lee y escribe sobre la marcha, línea a línea: nunca el fichero entero en memoria.
        throw new UnsupportedOperationException("Tarea 1 sin hacer: todavía no filtras el fichero de ticks.");
    }
}

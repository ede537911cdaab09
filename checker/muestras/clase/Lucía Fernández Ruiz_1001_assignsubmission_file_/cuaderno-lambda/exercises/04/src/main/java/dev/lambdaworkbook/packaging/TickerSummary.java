package dev.lambdaworkbook.packaging;

import java.math.BigDecimal;

/**
 * El resumen de los cierres de un valor.
 *
 * @param ticker el código del valor
 * @param min el cierre más bajo
 * @param max el cierre más alto
 * @param mean la media de los cierres, redondeada a 4 decimales con RoundingMode.HALF_UP
 * @param last el cierre de la sesión más reciente, que no tiene por qué ser la última fila del fichero
 */
public record TickerSummary(String ticker, BigDecimal min, BigDecimal max, BigDecimal mean, BigDecimal last) {
}

package dev.lambdaworkbook.packaging;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Una fila del fichero de precios: el precio de cierre de un valor en una sesión.
 *
 * @param date la fecha de la sesión
 * @param ticker el código del valor en la bolsa, por ejemplo SAN
 * @param close el precio de cierre en euros, siempre positivo
 */
public record DailyClose(LocalDate date, String ticker, BigDecimal close) {
}

package dev.lambdaworkbook.kit.services.ticks;

import java.util.List;

/**
 * The layout of a BME {@code RV_TICK} daily extract as the generator writes it: one trade per line, 38 fields
 * separated by {@code ;}, a header line first.
 *
 * <p>The first seven fields and the last one follow the published extract: {@code FECHA} ({@code YYYY-MM-DD}),
 * {@code SECUENCIA}, {@code VALOR} (ticker padded with spaces to 8 characters), {@code VOLUMEN} (shares),
 * {@code PRECIO} (4 decimals, dot), {@code HORA} ({@code HHMMSScc}, hundredths of a second), {@code HORAEJEC}
 * ({@code HH:mm:ss.SSS}) and {@code RegulatoryReportType}, which is a single space. The fields between them are
 * the generator's best reconstruction of the remaining columns (order ids, members, MiFID II trade flags), with
 * plausible values: programs should read fields by the header's names and never rely on their order.
 */
public final class BmeLayout {

    /** The 38 field names, in file order. */
    public static final List<String> HEADER = List.of(
            "FECHA", "SECUENCIA", "VALOR", "VOLUMEN", "PRECIO", "HORA", "HORAEJEC", "ISIN", "NOMBRE", "DIVISA",
            "MERCADO", "SEGMENTO", "SESION", "TIPO_OPERACION", "COMPRADOR", "VENDEDOR", "IMPORTE", "ORDEN_COMPRA",
            "ORDEN_VENTA", "ANULADA", "FECHA_LIQUIDACION", "TradeId", "TradingVenue", "MarketMechanism",
            "TradingMode", "TransactionCategory", "NegotiationIndicator", "AgencyCrossIndicator",
            "ModificationIndicator", "BenchmarkIndicator", "SpecialDividendIndicator", "OffBookAutomatedIndicator",
            "ContributionToPrice", "AlgorithmicIndicator", "PublicationMode", "PostTradeDeferral",
            "DuplicativeIndicator", "RegulatoryReportType");

    /** Number of fields of a complete line. */
    public static final int FIELDS = HEADER.size();

    /** Width to which {@code VALOR} is padded with spaces on the right. */
    public static final int TICKER_WIDTH = 8;

    /** Index (0-based) of each field the workbook's exercises read. */
    public static final int FECHA = 0;
    public static final int VALOR = 2;
    public static final int VOLUMEN = 3;
    public static final int PRECIO = 4;
    public static final int HORA = 5;
    public static final int HORAEJEC = 6;

    /** The header line, without a line break. */
    public static final String HEADER_LINE = String.join(";", HEADER);

    private BmeLayout() {
    }
}

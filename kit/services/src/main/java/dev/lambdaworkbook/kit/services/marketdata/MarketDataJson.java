package dev.lambdaworkbook.kit.services.marketdata;

import dev.lambdaworkbook.kit.services.marketdata.MarketData.Bar;
import dev.lambdaworkbook.kit.services.marketdata.MarketDataApiFake.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Function;

/** The JSON bodies of the market-data API's successful responses. */
final class MarketDataJson {

    /** Values of {@code close} that ask for the full bars; the course's Python clients send {@code False}. */
    private static final Set<String> FALSE = Set.of("False", "false", "0");

    private MarketDataJson() {
    }

    static Response timeSeries(Map<String, String> query) {
        Response invalid = requireMarket(query);
        if (invalid != null) {
            return invalid;
        }
        String ticker = query.get("ticker");
        if (ticker == null || ticker.isEmpty()) {
            return Response.error(400, "INVALID_ARGUMENT", "Missing required parameter 'ticker'.");
        }
        NavigableMap<LocalDate, Bar> bars = MarketData.series(query.get("market"), ticker);
        boolean closeOnly = !FALSE.contains(query.getOrDefault("close", "True"));
        String inner = closeOnly ? column(bars, bar -> number(bar.close())) : allColumns(bars);
        return Response.json(200, quote(inner));
    }

    static Response tickerMaster(Map<String, String> query) {
        String competition = query.get("competi");
        if (competition == null || competition.isEmpty()) {
            return Response.error(400, "INVALID_ARGUMENT", "Missing required parameter 'competi'.");
        }
        Response invalid = requireMarket(query);
        if (invalid != null) {
            return invalid;
        }
        StringBuilder json = new StringBuilder("{\"master\":[");
        String separator = "";
        for (MarketData.Listing listing : MarketData.master(query.get("market"))) {
            json.append(separator)
                    .append("{\"ticker\":").append(quote(listing.ticker()))
                    .append(",\"start_date\":").append(quote(listing.startDate().toString()))
                    .append(",\"end_date\":").append(quote(listing.endDate().toString()))
                    .append(",\"n_days\":").append(listing.tradingDays())
                    .append('}');
            separator = ",";
        }
        return Response.json(200, json.append("]}").toString());
    }

    private static Response requireMarket(Map<String, String> query) {
        String market = query.get("market");
        if (market == null || market.isEmpty()) {
            return Response.error(400, "INVALID_ARGUMENT", "Missing required parameter 'market'.");
        }
        if (!MarketData.isMarket(market)) {
            return Response.error(400, "INVALID_ARGUMENT", "Unknown market '" + market + "'. Markets: "
                    + String.join(", ", MarketData.MARKETS) + ".");
        }
        return null;
    }

    private static String allColumns(NavigableMap<LocalDate, Bar> bars) {
        if (bars.isEmpty()) {
            return "{}";
        }
        return "{\"open\":" + column(bars, bar -> number(bar.open()))
                + ",\"high\":" + column(bars, bar -> number(bar.high()))
                + ",\"low\":" + column(bars, bar -> number(bar.low()))
                + ",\"close\":" + column(bars, bar -> number(bar.close()))
                + ",\"vol\":" + column(bars, bar -> Long.toString(bar.volume()))
                + "}";
    }

    private static String column(NavigableMap<LocalDate, Bar> bars, Function<Bar, String> value) {
        StringBuilder json = new StringBuilder(bars.size() * 24).append('{');
        String separator = "";
        for (Map.Entry<LocalDate, Bar> entry : bars.entrySet()) {
            json.append(separator).append('"').append(MarketData.epochMillis(entry.getKey())).append("\":")
                    .append(value.apply(entry.getValue()));
            separator = ",";
        }
        return json.append('}').toString();
    }

    /** Formats a price as Python prints a float: shortest form, at least one decimal ({@code 8.0}, {@code 5.41}). */
    static String number(BigDecimal price) {
        String plain = price.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** Returns text as a JSON string literal. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}

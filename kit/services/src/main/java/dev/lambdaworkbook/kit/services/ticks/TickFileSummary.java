package dev.lambdaworkbook.kit.services.ticks;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one generator run.
 *
 * @param completeRows data lines with all 38 fields
 * @param shortRows data lines cut short
 * @param completeRowsByTicker complete data lines per ticker, in the generator's stock order
 * @param bytes size of the file
 */
public record TickFileSummary(long completeRows, long shortRows, Map<String, Long> completeRowsByTicker,
        long bytes) {

    public TickFileSummary {
        completeRowsByTicker = Collections.unmodifiableMap(new LinkedHashMap<>(completeRowsByTicker));
    }

    /** Returns the complete data lines of the given tickers, summed. */
    public long completeRowsOf(Collection<String> tickers) {
        return tickers.stream().mapToLong(ticker -> completeRowsByTicker.getOrDefault(ticker, 0L)).sum();
    }
}

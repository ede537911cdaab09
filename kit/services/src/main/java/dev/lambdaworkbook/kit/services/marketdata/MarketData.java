package dev.lambdaworkbook.kit.services.marketdata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deterministic data behind {@link MarketDataApiFake}: which tickers each market lists and their daily bars.
 *
 * <p>Bars are a seeded random walk per market and ticker, one per weekday (holidays are not modelled) from the
 * listing's first to last date. The same market and ticker always give the same numbers, on every machine. Prices
 * have 3 decimals and volumes are whole shares.
 */
public final class MarketData {

    private static final Map<Listing, NavigableMap<LocalDate, Bar>> SERIES = new ConcurrentHashMap<>();

    /** Markets the API serves. */
    public static final List<String> MARKETS = List.of("IBEX", "DAX", "EUROSTOXX");

    /** Default first trading day of a listing. */
    public static final LocalDate FIRST_DATE = LocalDate.of(2015, 1, 2);
    /** Last trading day of every listing: fixed, so the data never changes with the calendar. */
    public static final LocalDate LAST_DATE = LocalDate.of(2025, 12, 31);

    private static final Map<String, List<Listing>> LISTINGS = listings();

    private MarketData() {
    }

    /**
     * One ticker of a market, with its first and last trading day and the price the walk starts from.
     *
     * @param firstPrice close of the first day, in euros
     * @param typicalVolume median daily volume, in shares
     */
    public record Listing(String market, String ticker, LocalDate startDate, LocalDate endDate, double firstPrice,
            long typicalVolume) {

        /** Returns the number of trading days (weekdays) from start to end, both included. */
        public int tradingDays() {
            int days = 0;
            for (LocalDate day = startDate; !day.isAfter(endDate); day = day.plusDays(1)) {
                if (isTradingDay(day)) {
                    days++;
                }
            }
            return days;
        }
    }

    /**
     * One daily bar.
     *
     * @param volume shares traded that day
     */
    public record Bar(BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume) {
    }

    /** Returns whether a market name is served, compared exactly (upper case). */
    public static boolean isMarket(String market) {
        return LISTINGS.containsKey(market);
    }

    /** Returns the tickers of a market in a fixed order, or an empty list for an unknown market. */
    public static List<Listing> master(String market) {
        return LISTINGS.getOrDefault(market, List.of());
    }

    /** Returns a listing, if the market lists that ticker. */
    public static Optional<Listing> listing(String market, String ticker) {
        return master(market).stream().filter(listing -> listing.ticker().equals(ticker)).findFirst();
    }

    /**
     * Returns the bars of a ticker by date, oldest first, as an unmodifiable map; empty when the market does not list
     * it. Each series is walked once per JVM and then kept, because the fake API serves it on every request.
     */
    public static NavigableMap<LocalDate, Bar> series(String market, String ticker) {
        return listing(market, ticker)
                .map(listing -> SERIES.computeIfAbsent(listing,
                        key -> Collections.unmodifiableNavigableMap(walk(key))))
                .orElse(Collections.emptyNavigableMap());
    }

    /** Returns the epoch milliseconds of a date's midnight in UTC: the keys of the API's JSON. */
    public static long epochMillis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    static boolean isTradingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static NavigableMap<LocalDate, Bar> walk(Listing listing) {
        SplittableRandom random = new SplittableRandom(seed(listing.market() + ":" + listing.ticker()));
        NavigableMap<LocalDate, Bar> bars = new TreeMap<>();
        double close = listing.firstPrice();
        boolean first = true;
        for (LocalDate day = listing.startDate(); !day.isAfter(listing.endDate()); day = day.plusDays(1)) {
            if (!isTradingDay(day)) {
                continue;
            }
            double open = first ? close : close * (1 + gaussian(random) * 0.004);
            double next = first ? close : Math.max(0.05, open * StrictMath.exp(gaussian(random) * 0.016));
            double high = Math.max(open, next) * (1 + Math.abs(gaussian(random)) * 0.006);
            double low = Math.min(open, next) * (1 - Math.abs(gaussian(random)) * 0.006);
            long volume = Math.max(1, Math.round(listing.typicalVolume() * StrictMath.exp(gaussian(random) * 0.35)));
            bars.put(day, new Bar(price(open), price(high), price(low), price(next), volume));
            close = next;
            first = false;
        }
        return bars;
    }

    private static BigDecimal price(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller with StrictMath: the JDK does not specify nextGaussian()'s algorithm, nor Math's last bit.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** Returns a 64-bit polynomial hash of the text, the same on every JVM. */
    private static long seed(String text) {
        long hash = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    private static Map<String, List<Listing>> listings() {
        Map<String, List<Listing>> markets = new LinkedHashMap<>();
        markets.put("IBEX", List.of(
                listing("IBEX", "SAN", 5.410, 60_000_000),
                listing("IBEX", "BBVA", 6.850, 25_000_000),
                listing("IBEX", "TEF", 8.000, 20_000_000),
                listing("IBEX", "ITX", 27.300, 4_000_000),
                listing("IBEX", "IBE", 6.450, 15_000_000),
                listing("IBEX", "REP", 11.900, 8_000_000),
                listing("IBEX", "CABK", 3.120, 12_000_000),
                listing("IBEX", "AENA", LocalDate.of(2015, 2, 11), 58.000, 400_000),
                listing("IBEX", "IDR", 8.400, 1_200_000),
                listing("IBEX", "FER", 16.500, 2_000_000)));
        markets.put("DAX", List.of(
                listing("DAX", "SAP", 57.800, 2_500_000),
                listing("DAX", "SIE", 82.100, 2_000_000),
                listing("DAX", "ALV", 138.500, 1_000_000),
                listing("DAX", "DTE", 13.400, 9_000_000),
                listing("DAX", "BAS", 71.800, 2_500_000),
                listing("DAX", "BMW", 88.300, 1_300_000),
                listing("DAX", "VOW3", 128.000, 1_000_000)));
        markets.put("EUROSTOXX", List.of(
                listing("EUROSTOXX", "SAN", 5.410, 60_000_000),
                listing("EUROSTOXX", "ASML", 84.200, 1_000_000),
                listing("EUROSTOXX", "MC", 132.000, 600_000),
                listing("EUROSTOXX", "TTE", 42.800, 5_000_000),
                listing("EUROSTOXX", "SAP", 57.800, 2_500_000),
                listing("EUROSTOXX", "ITX", 27.300, 4_000_000),
                listing("EUROSTOXX", "BNP", 44.600, 3_500_000)));
        return Collections.unmodifiableMap(markets);
    }

    private static Listing listing(String market, String ticker, double firstPrice, long typicalVolume) {
        return listing(market, ticker, FIRST_DATE, firstPrice, typicalVolume);
    }

    private static Listing listing(String market, String ticker, LocalDate start, double firstPrice,
            long typicalVolume) {
        return new Listing(market, ticker, start, LAST_DATE, firstPrice, typicalVolume);
    }

    /** Returns every listing of every market, for tools that print the catalogue. */
    public static List<Listing> all() {
        List<Listing> all = new ArrayList<>();
        LISTINGS.values().forEach(all::addAll);
        return all;
    }
}

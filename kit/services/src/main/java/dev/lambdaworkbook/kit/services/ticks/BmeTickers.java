package dev.lambdaworkbook.kit.services.ticks;

import java.util.List;

/**
 * The stocks the generator trades: Spanish continuous-market tickers with a name, an opening price and a weight
 * (share of the day's trades).
 *
 * <p>Prices are in the range each stock traded in around 2018; ISINs are built by {@link #isin} with a valid
 * check digit but are not the stocks' real codes. {@code IDX} is kept as a traded value because the workbook's
 * exercise filters it.
 */
final class BmeTickers {

    /**
     * One traded stock.
     *
     * @param name short company name, with Spanish accents where the name has them
     * @param openingPrice first price of the day, in euros
     * @param weight relative share of the day's trades
     */
    record Stock(String ticker, String name, double openingPrice, int weight) {
    }

    static final List<Stock> STOCKS = List.of(
            new Stock("SAN", "BANCO SANTANDER", 5.41, 120),
            new Stock("BBVA", "BBVA", 6.85, 90),
            new Stock("TEF", "TELEFÓNICA", 8.00, 60),
            new Stock("IDX", "IDX", 12.35, 20),
            new Stock("ITX", "INDITEX", 24.90, 50),
            new Stock("IBE", "IBERDROLA", 6.10, 70),
            new Stock("REP", "REPSOL", 14.75, 45),
            new Stock("CABK", "CAIXABANK", 3.86, 60),
            new Stock("SAB", "BANCO SABADELL", 1.65, 55),
            new Stock("BKT", "BANKINTER", 8.40, 25),
            new Stock("IDR", "INDRA A", 10.55, 20),
            new Stock("AMS", "AMADEUS", 58.30, 25),
            new Stock("FER", "FERROVIAL", 17.20, 25),
            new Stock("ENG", "ENAGÁS", 21.90, 20),
            new Stock("ELE", "ENDESA", 17.60, 20),
            new Stock("MEL", "MELIÁ HOTELS", 11.80, 12),
            new Stock("ACX", "ACERINOX", 11.45, 15),
            new Stock("MAP", "MAPFRE", 2.68, 25),
            new Stock("CLNX", "CELLNEX", 21.30, 20),
            new Stock("NTGY", "NATURGY", 19.70, 20),
            new Stock("REE", "RED ELÉCTRICA", 16.20, 15),
            new Stock("GRF", "GRIFOLS", 22.60, 20),
            new Stock("IAG", "IAG", 7.05, 30),
            new Stock("ACS", "ACS", 31.50, 15),
            new Stock("AENA", "AENA", 162.40, 10),
            new Stock("VIS", "VISCOFÁN", 55.20, 6));

    private BmeTickers() {
    }

    /** Builds a Spanish ISIN-shaped code ({@code ES0} + 8 digits + check digit) that depends only on the ticker. */
    static String isin(String ticker) {
        long hash = 7;
        for (int i = 0; i < ticker.length(); i++) {
            hash = hash * 131 + ticker.charAt(i);
        }
        String body = "ES0" + String.format("%08d", Math.floorMod(hash, 100_000_000L));
        return body + checkDigit(body);
    }

    /** Returns the ISIN check digit: Luhn over the digits, letters expanded to 10..35. */
    static int checkDigit(String body) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}

package dev.lambdaworkbook.marketdata;

/**
 * A failure of the function that the student can act on: missing configuration, an API error, no data, or S3
 * rejecting the file. The Spanish message states what failed and how to fix it, and never contains the API key.
 */
public class MarketDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MarketDataException(String message) {
        super(message);
    }

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}

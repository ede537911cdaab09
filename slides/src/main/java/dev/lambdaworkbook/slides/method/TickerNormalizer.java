package dev.lambdaworkbook.slides.method;

import java.util.Locale;

/**
 * A handler without any Lambda interface: the runtime calls the method that the handler string names,
 * {@code dev.lambdaworkbook.slides.method.TickerNormalizer::normalize}.
 */
// tag::handler[]
public class TickerNormalizer {

    public String normalize(String ticker) {
        return ticker.strip().toUpperCase(Locale.ROOT);
    }
}
// end::handler[]

package dev.lambdaworkbook.slides.pojo;

import java.math.BigDecimal;

/** The result of {@link OrderValueHandler}: what an order is worth, in the price's currency. */
// tag::record[]
public record OrderValue(String ticker, BigDecimal value) { }
// end::record[]

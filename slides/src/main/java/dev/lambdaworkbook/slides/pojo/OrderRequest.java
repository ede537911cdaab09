package dev.lambdaworkbook.slides.pojo;

import java.math.BigDecimal;

/** The input event of {@link OrderValueHandler}, e.g. {"ticker":"SAN","quantity":100,"price":5.41}. */
// tag::record[]
public record OrderRequest(String ticker, int quantity, BigDecimal price) { }
// end::record[]

/**
 * Example functions shown on the course slides. Every Java block of the deck is a tagged region of a file under
 * this package, and {@code SlidesTest} fails when a slide and its region drift apart.
 */
package dev.lambdaworkbook.slides;

package dev.lambdaworkbook.checker.score;

import dev.lambdaworkbook.checker.CheckerException;

/** The grading scale: marks go from 0 to {@link #max()}, rounded to two decimals. */
public record Scale(double max) {

    public Scale {
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new CheckerException("La escala '" + max + "' no es válida: indica un número mayor que 0, por "
                    + "ejemplo --escala 10.");
        }
    }

    public double mark(double fraction) {
        return Math.round(max * fraction * 100) / 100.0;
    }
}

package dev.lambdaworkbook.kit.config;

/** A function configuration that cannot be read; the message says, in Spanish, which value and how to fix it. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}

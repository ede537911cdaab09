package dev.lambdaworkbook.kit.services;

import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * TLS settings for clients that only talk to the kit's local servers, which speak plain HTTP on 127.0.0.1.
 *
 * <p>A client built with the JDK's defaults loads the JDK's CA certificates when it is created, which costs tens of
 * milliseconds in every test JVM although it never opens a TLS connection here. These settings trust no certificate
 * and contain no key, so a client that reaches an {@code https} address by mistake fails its handshake.
 */
public final class LoopbackTls {

    private LoopbackTls() {
    }

    /** Returns a new TLS context with no key and no trusted certificate, for {@code HttpClient.Builder.sslContext}. */
    public static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], trustNothing(), null);
            return context;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("Esta JVM no ofrece TLS: " + unavailable.getMessage(), unavailable);
        }
    }

    /** Returns no trust manager, for the AWS SDK's {@code tlsTrustManagersProvider}. */
    public static TrustManager[] trustNothing() {
        return new TrustManager[0];
    }
}

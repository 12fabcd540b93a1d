package io.chipwatch.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds the Java API client (over the REST 5 client, the transport 9.x recommends) from an
 * {@link ElasticsearchConfig}: authentication as a default header, TLS from a CA file or, for
 * test clusters only, trusting anything. The client's own retries stay off: the store retries
 * whole operations itself, with backoff, and knows which failures are worth it.
 */
final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    static ElasticsearchClient create(ElasticsearchConfig config, ObjectMapper json) {
        Rest5ClientBuilder builder = Rest5Client.builder(config.urls());
        List<Header> headers = new ArrayList<>();
        if (config.apiKey() != null) {
            headers.add(new BasicHeader("Authorization", "ApiKey " + config.apiKey()));
        } else if (config.username() != null) {
            String basic = Base64.getEncoder().encodeToString(
                    (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
            headers.add(new BasicHeader("Authorization", "Basic " + basic));
        }
        builder.setDefaultHeaders(headers.toArray(Header[]::new));
        if (config.insecureTls()) {
            SSLContext trustAll = trustAll();
            builder.setSSLContext(trustAll);
            // Runs after the builder set its own TLS strategy, so this one (no host name check) wins.
            builder.setConnectionManagerCallback(cm -> cm.setTlsStrategy(ClientTlsStrategyBuilder.create()
                    .setSslContext(trustAll).setHostnameVerifier(NoopHostnameVerifier.INSTANCE).buildAsync()));
        } else if (config.caCertificate() != null) {
            builder.setSSLContext(trusting(config));
        }
        Rest5ClientTransport transport = new Rest5ClientTransport(builder.build(), new JacksonJsonpMapper(json));
        return new ElasticsearchClient(transport);
    }

    private static SSLContext trusting(ElasticsearchConfig config) {
        try (InputStream pem = Files.newInputStream(config.caCertificate())) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trusted.setCertificateEntry("ca-" + i++, ca);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no certificate in " + config.caCertificate());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException("cannot read the CA certificate " + config.caCertificate() + ": " + e.getMessage(), false, e);
        }
    }

    private static SSLContext trustAll() {
        X509TrustManager anything = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[]{anything}, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }
}

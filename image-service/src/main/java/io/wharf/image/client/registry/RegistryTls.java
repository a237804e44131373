package io.wharf.image.client.registry;

import io.wharf.common.error.WharfException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for one registry, as dockerd sets it up: the system's trusted CAs plus every {@code *.crt} in
 * {@code <certs-dir>/<host:port>/} (read each time, so a CA dropped in takes effect at the next pull),
 * or, for an insecure registry, no verification at all.
 */
final class RegistryTls {
    private RegistryTls() {
    }

    static SSLContext verifying(Path certsDir, String hostPort) {
        try {
            List<Certificate> extra = caCertificates(certsDir.resolve(hostPort));
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            SSLContext context = SSLContext.getInstance("TLS");
            if (extra.isEmpty()) {
                context.init(null, defaults.getTrustManagers(), null);
                return context;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (TrustManager tm : defaults.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    for (X509Certificate ca : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("system-" + i++, ca);
                    }
                }
            }
            for (Certificate ca : extra) {
                store.setCertificateEntry("registry-" + i++, ca);
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            combined.init(store);
            context.init(null, combined.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw WharfException.system("cannot set up TLS for " + hostPort + ": " + e.getMessage(), e);
        }
    }

    private static List<Certificate> caCertificates(Path dir) throws IOException, GeneralSecurityException {
        List<Certificate> certificates = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return certificates;
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.crt")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    certificates.addAll(factory.generateCertificates(in));
                }
            }
        }
        return certificates;
    }

    static SSLContext trustingAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw WharfException.system("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** An insecure registry's TLS: any certificate, any host name (dockerd's InsecureSkipVerify). */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

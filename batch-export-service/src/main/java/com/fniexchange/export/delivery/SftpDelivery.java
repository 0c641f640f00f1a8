package com.fniexchange.export.delivery;

import com.fniexchange.export.ExportProperties;
import com.fniexchange.export.partner.SftpChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.sftp.client.SftpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.integration.file.remote.session.CachingSessionFactory;
import org.springframework.integration.file.remote.session.Session;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * SFTP delivery (Spring Integration SFTP on Apache MINA SSHD). A file is uploaded as
 * {@code name.part} into the staging directory, then renamed into the pickup directory, so the
 * partner never sees a partial file. The server's host key must be the partner's configured
 * one; unknown keys are refused. Each file is retried with exponential backoff; a file already
 * in place with the same SHA-256 counts as delivered, a different one is never overwritten.
 */
@Component
class SftpDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SftpDelivery.class);

    private final ExportProperties.Sftp properties;
    private final Map<SftpChannel, CachingSessionFactory<SftpClient.DirEntry>> sessions = new ConcurrentHashMap<>();
    private final RetryTemplate retry;

    SftpDelivery(ExportProperties properties) {
        this.properties = properties.sftp();
        this.retry = RetryTemplate.builder()
                .maxAttempts(this.properties.attempts())
                .exponentialBackoff(this.properties.backoff().toMillis(), 2.0, this.properties.maxBackoff().toMillis())
                .notRetryOn(DeliveryException.class)
                .build();
    }

    /** Delivers the file; returns its location. */
    String deliver(String partnerId, SftpChannel channel, OutgoingFile file) {
        String target = channel.path() + "/" + file.name();
        String location = "sftp://" + channel.host() + ":" + channel.port() + target;
        try {
            return retry.execute(context -> {
                if (context.getRetryCount() > 0) {
                    log.warn("SFTP delivery of {} to partner {} at {}: attempt {} after {}", file.name(), partnerId, location,
                            context.getRetryCount() + 1, context.getLastThrowable().toString());
                }
                upload(channel, file, target);
                return location;
            });
        } catch (DeliveryException e) {
            throw e;
        } catch (Exception e) {
            throw new DeliveryException("SFTP delivery of " + file.name() + " to partner " + partnerId + " at " + location
                    + " failed after " + properties.attempts() + " attempts: " + rootMessage(e), e);
        }
    }

    private void upload(SftpChannel channel, OutgoingFile file, String target) throws IOException {
        String staging = channel.stagingDirectory() + "/" + file.name() + ".part";
        Session<SftpClient.DirEntry> session = factory(channel).getSession();
        try {
            if (session.exists(target)) {
                if (!file.replace()) {
                    String remote = sha256(session, target);
                    if (remote.equals(file.sha256())) {
                        log.info("{} already delivered to {} (same SHA-256)", file.name(), target);
                        return;
                    }
                    throw new DeliveryException("a different " + file.name() + " is already in the partner's folder "
                            + channel.path() + "; it is never overwritten");
                }
            }
            if (session.exists(staging)) {
                session.remove(staging); // left by an interrupted attempt
            }
            try (InputStream in = Files.newInputStream(file.path())) {
                session.write(in, staging);
            }
            if (file.replace() && session.exists(target)) {
                session.remove(target);
            }
            session.rename(staging, target);
        } catch (IOException | RuntimeException e) {
            session.dirty();
            throw e;
        } finally {
            session.close();
        }
    }

    private static String sha256(Session<SftpClient.DirEntry> session, String path) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                session.read(path, out);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private CachingSessionFactory<SftpClient.DirEntry> factory(SftpChannel channel) {
        return sessions.computeIfAbsent(channel, c -> {
            ExportProperties.Identity identity = properties.identities().get(c.identity());
            if (identity == null || identity.key() == null) {
                throw new DeliveryException("SFTP identity '" + c.identity() + "' is not configured (fni.export.sftp.identities)");
            }
            DefaultSftpSessionFactory factory = new DefaultSftpSessionFactory(false);
            factory.setHost(c.host());
            factory.setPort(c.port());
            factory.setUser(c.user());
            factory.setPrivateKey(identity.key());
            if (identity.passphrase() != null) {
                factory.setPrivateKeyPassphrase(identity.passphrase());
            }
            // known_hosts holding only the partner's configured key: any other key is refused
            String knownHosts = "[" + c.host() + "]:" + c.port() + " " + c.hostKey() + "\n"
                    + (c.port() == 22 ? c.host() + " " + c.hostKey() + "\n" : "");
            factory.setKnownHostsResource(new ByteArrayResource(knownHosts.getBytes(StandardCharsets.US_ASCII)));
            factory.setAllowUnknownKeys(false);
            factory.setTimeout((int) properties.timeout().toMillis());
            CachingSessionFactory<SftpClient.DirEntry> caching = new CachingSessionFactory<>(factory, 2);
            caching.setSessionWaitTimeout(properties.timeout().toMillis());
            caching.setTestSession(true);
            return caching;
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void destroy() {
        sessions.values().forEach(CachingSessionFactory::destroy);
    }
}

package com.fniexchange.export.delivery;

import com.fniexchange.export.ExportProperties;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with an SFTP identity that cannot be used: neither or both of
 * {@code private-key} (the key itself) and {@code private-key-location} (where it lies), a key
 * text given as a location, a location that cannot be read, or text that is no private key (or
 * needs a passphrase it was not given). The message names the identity and what is wrong, and
 * never the key, the passphrase or any part of them: an exception here ends in the log, and a
 * misplaced key once ended there whole.
 */
@Component
class SftpIdentityCheck implements InitializingBean {

    private final ExportProperties properties;

    SftpIdentityCheck(ExportProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        properties.sftp().identities().forEach((name, identity) -> check(name, identity).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("SFTP identities that cannot be used: " + String.join("; ", problems));
        }
    }

    /** What is wrong with one identity, if anything. */
    static java.util.Optional<String> check(String name, ExportProperties.Identity identity) {
        String prefix = "fni.export.sftp.identities." + name;
        boolean inline = identity.privateKey() != null && !identity.privateKey().isBlank();
        Resource location = identity.privateKeyLocation();
        if (inline && location != null) {
            return java.util.Optional.of(prefix + ": give private-key or private-key-location, not both");
        }
        if (!inline && location == null) {
            return java.util.Optional.of(prefix + ": no key: set private-key (the key itself) or private-key-location (file:...)");
        }
        if (inline && identity.privateKey().strip().matches("(?s)^(file:|classpath:|https?:|/).*") && !identity.privateKey().contains("\n")) {
            // before private-key-location existed, private-key took a location
            return java.util.Optional.of(prefix + ".private-key holds a location, not a key: give it as " + prefix
                    + ".private-key-location");
        }
        if (identity.keyTextGivenAsLocation()) {
            return java.util.Optional.of(prefix + ".private-key-location holds key text, not a location: give the key itself in "
                    + prefix + ".private-key");
        }
        try (InputStream in = identity.key().getInputStream()) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(prefix), in,
                    identity.passphrase() == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(identity.passphrase()));
            Iterator<KeyPair> first = keys == null ? null : keys.iterator();
            if (first == null || !first.hasNext()) {
                return java.util.Optional.of(prefix + (inline ? ".private-key" : ".private-key-location")
                        + " holds no private key (OpenSSH or PEM expected)");
            }
            return java.util.Optional.empty();
        } catch (FileNotFoundException e) {
            return java.util.Optional.of(prefix + ".private-key-location: no such file or resource");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // the exception's own message may quote what it could not parse: only its kind is named
            return java.util.Optional.of(prefix + (inline ? ".private-key" : ".private-key-location")
                    + " cannot be read as a private key (" + e.getClass().getSimpleName()
                    + (identity.passphrase() == null ? "; if it is encrypted, set its passphrase" : "; or the passphrase is wrong") + ")");
        }
    }
}

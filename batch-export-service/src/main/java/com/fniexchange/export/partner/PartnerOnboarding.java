package com.fniexchange.export.partner;

import com.fniexchange.export.ExportProperties;
import com.fniexchange.export.file.PgpEncryption;
import com.fniexchange.export.register.Entitlement;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.register.RegisterCatalog;
import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates and saves partner settings: what bean validation cannot check (a cron that
 * parses, a zone that exists, keys that parse, a named identity or account that is
 * configured, registers that are available) is refused here, every bad field named.
 */
@Service
public class PartnerOnboarding {

    private final PartnerRepository partners;
    private final RegisterCatalog catalog;
    private final ExportProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PartnerOnboarding(PartnerRepository partners, RegisterCatalog catalog, ExportProperties properties,
                    ApplicationEventPublisher events, Clock clock) {
        this.partners = partners;
        this.catalog = catalog;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Creates or replaces the partner; true when created. */
    @Transactional
    public boolean save(String partnerId, PartnerSettings s, String actor) {
        List<InvalidField> errors = new ArrayList<>();
        if (!partnerId.matches("^[A-Z0-9][A-Z0-9_-]{1,39}$")) {
            errors.add(new InvalidField("partnerId", "must be 2 to 40 upper-case letters, digits, '-' or '_'"));
        }
        List<String> dealers = s.entitlement().dealerCodes() == null ? List.of() : s.entitlement().dealerCodes();
        List<String> makes = s.entitlement().makes() == null ? List.of() : s.entitlement().makes();
        if (dealers.isEmpty() && makes.isEmpty()) {
            errors.add(new InvalidField("entitlement", "must list dealer codes, makes or both"));
        }
        for (int i = 0; i < s.registers().size(); i++) {
            Register r = s.registers().get(i);
            if (!catalog.available(r)) {
                errors.add(new InvalidField("registers[" + i + "]", r + " is not available yet: its service publishes no reporting view"));
            }
            if (s.registers().indexOf(r) != i) {
                errors.add(new InvalidField("registers[" + i + "]", r + " is listed twice"));
            }
        }
        if (s.sftp() == null && s.blob() == null) {
            errors.add(new InvalidField("sftp", "a partner needs an SFTP or a Blob channel (or both)"));
        }
        if (s.sftp() != null) {
            if (!properties.sftp().identities().containsKey(s.sftp().identity())) {
                errors.add(new InvalidField("sftp.identity", "no such identity is configured (fni.export.sftp.identities)"));
            }
            try {
                AuthorizedKeyEntry.parseAuthorizedKeyEntry(s.sftp().hostKey()).resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            } catch (Exception e) {
                errors.add(new InvalidField("sftp.hostKey", "must be an SSH public key such as 'ssh-ed25519 AAAA...'"));
            }
        }
        if (s.blob() != null && !properties.blob().accounts().containsKey(s.blob().account())) {
            errors.add(new InvalidField("blob.account", "no such storage account is configured (fni.export.blob.accounts)"));
        }
        if (s.pgpPublicKey() != null && !s.pgpPublicKey().isBlank()) {
            try {
                PgpEncryption.encryptionKey(s.pgpPublicKey());
            } catch (Exception e) {
                errors.add(new InvalidField("pgpPublicKey", "must be an ASCII-armoured OpenPGP public key with an encryption key"));
            }
        }
        try {
            CronExpression.parse(s.schedule());
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidField("schedule", "must be a six-field cron expression (second minute hour day month weekday)"));
        }
        try {
            ZoneId.of(s.timeZone());
        } catch (DateTimeException e) {
            errors.add(new InvalidField("timeZone", "must be a time zone id such as America/New_York"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidFields(errors);
        }
        SftpChannel sftp = s.sftp() == null ? null : new SftpChannel(s.sftp().host(), s.sftp().port(), s.sftp().user(),
                s.sftp().identity(), s.sftp().path(), s.sftp().stagingPath(), s.sftp().hostKey().trim());
        BlobChannel blob = s.blob() == null ? null
                : new BlobChannel(s.blob().account(), s.blob().container(), s.blob().prefix() == null ? "" : s.blob().prefix());
        Partner partner = new Partner(partnerId, s.name(), s.kind(), new Entitlement(dealers, makes), List.copyOf(s.registers()),
                s.layout(), s.compression(), blankToNull(s.pgpPublicKey()), sftp, blob, s.schedule(), s.timeZone(), s.active(),
                clock.instant(), actor);
        boolean created = partners.save(partner, clock.instant());
        events.publishEvent(new PartnerChanged(partnerId));
        return created;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

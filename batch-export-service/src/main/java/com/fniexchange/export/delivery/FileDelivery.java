package com.fniexchange.export.delivery;

import com.fniexchange.export.partner.Partner;
import com.fniexchange.export.register.Register;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Delivers an export's files on each of the partner's channels, through the ledger: a file
 * the ledger shows as delivered with the same SHA-256 is not sent again (a rerun after an
 * SFTP outage sends only what is missing); one recorded with another SHA-256 is refused.
 * Every channel is tried even if one fails; then the failure is raised.
 */
@Service
public class FileDelivery {

    private static final Logger log = LoggerFactory.getLogger(FileDelivery.class);

    private final SftpDelivery sftp;
    private final BlobDelivery blob;
    private final DeliveryLedger ledger;
    private final Clock clock;

    FileDelivery(SftpDelivery sftp, BlobDelivery blob, DeliveryLedger ledger, Clock clock) {
        this.sftp = sftp;
        this.blob = blob;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Delivers the files, in order, on every channel of the partner. */
    public void deliver(Partner partner, Register register, LocalDate date, long jobExecutionId, List<OutgoingFile> files) {
        List<DeliveryException> failures = new ArrayList<>();
        for (Channel channel : channels(partner)) {
            try {
                for (OutgoingFile file : files) {
                    deliverOne(partner, register, date, jobExecutionId, channel, file);
                }
            } catch (DeliveryException e) {
                log.error("delivery failed: {}", e.getMessage());
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            DeliveryException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private void deliverOne(Partner partner, Register register, LocalDate date, long jobExecutionId, Channel channel,
                            OutgoingFile file) {
        Optional<String> recorded = ledger.sha256Of(partner.partnerId(), register, date, channel, file.name());
        if (recorded.isPresent() && !file.replace()) {
            if (recorded.get().equals(file.sha256())) {
                return;
            }
            throw new DeliveryException(file.name() + " was already delivered to partner " + partner.partnerId() + " by "
                    + channel + " with another SHA-256; it is never sent twice");
        }
        String location = switch (channel) {
            case SFTP -> sftp.deliver(partner.partnerId(), partner.sftp(), file);
            case BLOB -> blob.deliver(partner.partnerId(), partner.blob(), file);
        };
        ledger.record(new DeliveryLedger.Delivered(partner.partnerId(), register, date, channel, file.name(), location,
                file.sha256(), file.size(), jobExecutionId, clock.instant()));
        log.info("delivered {} to partner {} at {}", file.name(), partner.partnerId(), location);
    }

    private static List<Channel> channels(Partner partner) {
        List<Channel> channels = new ArrayList<>();
        if (partner.sftp() != null) {
            channels.add(Channel.SFTP);
        }
        if (partner.blob() != null) {
            channels.add(Channel.BLOB);
        }
        return channels;
    }
}

package com.fniexchange.export.partner;

import com.fniexchange.export.file.Compression;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.Entitlement;
import com.fniexchange.export.register.Register;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code partner} table: the partner registry. */
@Repository
public class PartnerRepository {

    private static final String COLUMNS = """
            partner_id, name, kind, dealer_codes, makes, registers, layout, compression, pgp_public_key,
            sftp_host, sftp_port, sftp_user, sftp_identity, sftp_path, sftp_staging_path, sftp_host_key,
            blob_account, blob_container, blob_prefix, schedule_cron, time_zone, active, updated_at, updated_by
            """;

    private final JdbcClient jdbc;

    PartnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Partner> find(String partnerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE partner_id = :id").param("id", partnerId)
                .query(PartnerRepository::partner).optional();
    }

    public List<Partner> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner ORDER BY partner_id").query(PartnerRepository::partner).list();
    }

    /** Creates or replaces a partner; true when it was created. */
    boolean save(Partner p, Instant at) {
        boolean existed = find(p.partnerId()).isPresent();
        jdbc.sql("""
                INSERT INTO partner (partner_id, name, kind, dealer_codes, makes, registers, layout, compression, pgp_public_key,
                                     sftp_host, sftp_port, sftp_user, sftp_identity, sftp_path, sftp_staging_path, sftp_host_key,
                                     blob_account, blob_container, blob_prefix, schedule_cron, time_zone, active, updated_at, updated_by)
                VALUES (:id, :name, :kind, :dealers, :makes, :registers, :layout, :compression, :pgp,
                        :sftpHost, :sftpPort, :sftpUser, :sftpIdentity, :sftpPath, :sftpStaging, :sftpHostKey,
                        :blobAccount, :blobContainer, :blobPrefix, :cron, :zone, :active, :at, :by)
                ON CONFLICT (partner_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                    dealer_codes = EXCLUDED.dealer_codes, makes = EXCLUDED.makes, registers = EXCLUDED.registers,
                    layout = EXCLUDED.layout, compression = EXCLUDED.compression, pgp_public_key = EXCLUDED.pgp_public_key,
                    sftp_host = EXCLUDED.sftp_host, sftp_port = EXCLUDED.sftp_port, sftp_user = EXCLUDED.sftp_user,
                    sftp_identity = EXCLUDED.sftp_identity, sftp_path = EXCLUDED.sftp_path,
                    sftp_staging_path = EXCLUDED.sftp_staging_path, sftp_host_key = EXCLUDED.sftp_host_key,
                    blob_account = EXCLUDED.blob_account, blob_container = EXCLUDED.blob_container,
                    blob_prefix = EXCLUDED.blob_prefix, schedule_cron = EXCLUDED.schedule_cron,
                    time_zone = EXCLUDED.time_zone, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by
                """)
                .param("id", p.partnerId()).param("name", p.name()).param("kind", p.kind().name())
                .param("dealers", p.entitlement().dealerCodes().toArray(String[]::new))
                .param("makes", p.entitlement().makes().toArray(String[]::new))
                .param("registers", p.registers().stream().map(Enum::name).toArray(String[]::new))
                .param("layout", p.layout().name()).param("compression", p.compression().name())
                .param("pgp", p.pgpPublicKey())
                .param("sftpHost", p.sftp() == null ? null : p.sftp().host())
                .param("sftpPort", p.sftp() == null ? null : p.sftp().port())
                .param("sftpUser", p.sftp() == null ? null : p.sftp().user())
                .param("sftpIdentity", p.sftp() == null ? null : p.sftp().identity())
                .param("sftpPath", p.sftp() == null ? null : p.sftp().path())
                .param("sftpStaging", p.sftp() == null ? null : p.sftp().stagingPath())
                .param("sftpHostKey", p.sftp() == null ? null : p.sftp().hostKey())
                .param("blobAccount", p.blob() == null ? null : p.blob().account())
                .param("blobContainer", p.blob() == null ? null : p.blob().container())
                .param("blobPrefix", p.blob() == null ? null : p.blob().prefix())
                .param("cron", p.schedule()).param("zone", p.timeZone()).param("active", p.active())
                .param("at", Timestamp.from(at)).param("by", p.updatedBy())
                .update();
        return !existed;
    }

    private static Partner partner(ResultSet rs, int n) throws SQLException {
        SftpChannel sftp = rs.getString("sftp_host") == null ? null : new SftpChannel(rs.getString("sftp_host"),
                rs.getInt("sftp_port"), rs.getString("sftp_user"), rs.getString("sftp_identity"), rs.getString("sftp_path"),
                rs.getString("sftp_staging_path"), rs.getString("sftp_host_key"));
        BlobChannel blob = rs.getString("blob_account") == null ? null
                : new BlobChannel(rs.getString("blob_account"), rs.getString("blob_container"), rs.getString("blob_prefix"));
        return new Partner(rs.getString("partner_id"), rs.getString("name"), PartnerKind.valueOf(rs.getString("kind")),
                new Entitlement(strings(rs.getArray("dealer_codes")), strings(rs.getArray("makes"))),
                strings(rs.getArray("registers")).stream().map(Register::valueOf).toList(),
                FileLayout.valueOf(rs.getString("layout")), Compression.valueOf(rs.getString("compression")),
                rs.getString("pgp_public_key"), sftp, blob, rs.getString("schedule_cron"), rs.getString("time_zone"),
                rs.getBoolean("active"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

package com.fniexchange.export.support;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.file.Compression;
import com.fniexchange.export.partner.PartnerKind;
import com.fniexchange.export.partner.PartnerSettings;
import com.fniexchange.export.register.Register;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** PartnerRepository pointing at the test SFTP server and Azurite, and reading what they received. */
public final class Fixtures {

    /** One container per test JVM: a long-lived Azurite keeps earlier runs' files, which are never overwritten. */
    public static final String CONTAINER = "partner-files-" + Long.toString(System.currentTimeMillis(), 36);
    private static BlobContainerClient container;

    private Fixtures() {
    }

    /** Settings for a partner delivered by SFTP ({@code /<id>/outbound}, staged in {@code /<id>/staging}) and Blob ({@code <id>/}). */
    public static PartnerSettings settings(String partnerId, List<String> dealers, List<String> makes, List<Register> registers,
                                           FileLayout layout, String pgpPublicKey) {
        TestSftpServer sftp = TestSftpServer.get();
        try {
            sftp.directory("/" + partnerId + "/outbound");
            sftp.directory("/" + partnerId + "/staging");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        container();
        return new PartnerSettings("Partner " + partnerId, PartnerKind.OEM, new PartnerSettings.EntitlementSettings(dealers, makes),
                registers, layout, Compression.GZIP, pgpPublicKey,
                new PartnerSettings.SftpSettings("127.0.0.1", sftp.port(), "partner", "test", "/" + partnerId + "/outbound",
                        "/" + partnerId + "/staging", sftp.hostKey()),
                new PartnerSettings.BlobSettings(Azurite.ACCOUNT, CONTAINER, partnerId + "/"),
                "0 0 3 * * *", "America/New_York", true);
    }

    public static synchronized BlobContainerClient container() {
        if (container == null) {
            container = new BlobServiceClientBuilder().connectionString(Azurite.connectionString()).buildClient()
                    .getBlobContainerClient(CONTAINER);
            container.createIfNotExists();
        }
        return container;
    }

    public static BlobClient blob(String partnerId, String fileName) {
        return container().getBlobClient(partnerId + "/" + fileName);
    }

    /** Names of the blobs under the partner's prefix. */
    public static List<String> blobNames(String partnerId) {
        return container().listBlobsByHierarchy(partnerId + "/").stream().map(b -> b.getName().substring(partnerId.length() + 1))
                .sorted().toList();
    }

    /** The partner's SFTP pickup folder on the server's disk. */
    public static Path outbound(String partnerId) {
        try {
            return TestSftpServer.get().directory("/" + partnerId + "/outbound");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> sftpNames(String partnerId) throws IOException {
        try (Stream<Path> files = Files.list(outbound(partnerId))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    public static List<String> stagingNames(String partnerId) throws IOException {
        try (Stream<Path> files = Files.list(TestSftpServer.get().directory("/" + partnerId + "/staging"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    public static String gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

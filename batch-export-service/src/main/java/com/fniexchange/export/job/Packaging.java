package com.fniexchange.export.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fniexchange.export.file.Compression;
import com.fniexchange.export.file.PgpEncryption;
import com.fniexchange.export.partner.Partner;
import com.fniexchange.export.register.RegisterDefinition;
import com.fniexchange.export.register.RegisterFileFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Turns the plain extract into what is delivered: gzip (deterministic: no name, time 0),
 * then PGP when the partner has a key; hashes the plaintext and the delivered bytes and
 * writes the manifest. Always from scratch, so a restarted package step repeats it whole.
 */
final class Packaging {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Hashes of the delivered data file. */
    record Packaged(Manifest manifest, String md5Base64) {
    }

    private Packaging() {
    }

    static Packaged packageFile(Partner partner, RegisterDefinition register, ExportJobKey key, ExportFiles files,
                                int gzipLevel) throws IOException {
        RegisterFileFormat format = new RegisterFileFormat(register, partner.layout());
        RegisterFileFormat.Trailer trailer = readTrailer(files.plainFile(), format);
        MessageDigest plainSha = digest("SHA-256");
        MessageDigest sha = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        Path partial = files.directory().resolve(files.dataFileName() + ".tmp");
        long plainSize;
        try (InputStream in = new DigestInputStream(Files.newInputStream(files.plainFile()), plainSha);
             OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
             OutputStream hashed = new DigestOutputStream(new DigestOutputStream(file, sha), md5)) {
            OutputStream sink = hashed;
            if (partner.encrypts()) {
                try {
                    sink = PgpEncryption.encrypting(hashed, PgpEncryption.encryptionKey(partner.pgpPublicKey()),
                            files.dataFileName().replaceAll("\\.pgp$", ""), new Date(key.cutoff().toEpochMilli()));
                } catch (org.bouncycastle.openpgp.PGPException e) {
                    throw new IOException("partner " + partner.partnerId() + ": unusable PGP key: " + e.getMessage(), e);
                }
            }
            OutputStream compressed = partner.compression() == Compression.GZIP ? new LevelledGzip(sink, gzipLevel) : sink;
            plainSize = in.transferTo(compressed);
            compressed.close(); // finishes gzip, then the PGP message, down to the file
        }
        Files.move(partial, files.dataFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Map<String, String> totals = new LinkedHashMap<>();
        List<String> names = register.amountNames();
        for (int i = 0; i < names.size(); i++) {
            totals.put(names.get(i), trailer.totals().get(i).toPlainString());
        }
        Manifest manifest = new Manifest(files.dataFileName(), files.fileId(), partner.partnerId(), register.register().name(),
                key.businessDate().toString(), partner.layout().name(), RegisterFileFormat.LAYOUT_VERSION,
                partner.compression().name(), partner.encrypts(), trailer.count(), totals, Files.size(files.dataFile()),
                HexFormat.of().formatHex(sha.digest()), plainSize, HexFormat.of().formatHex(plainSha.digest()),
                key.cutoff().toString());
        Files.write(files.manifestFile(), JSON.writeValueAsBytes(manifest));
        return new Packaged(manifest, Base64.getEncoder().encodeToString(md5.digest()));
    }

    static Manifest readManifest(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Manifest.class);
    }

    /** The last line of the plain file, which the extract always ends with the trailer. */
    static RegisterFileFormat.Trailer readTrailer(Path plain, RegisterFileFormat format) throws IOException {
        String last = null;
        try (var lines = Files.lines(plain)) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                last = it.next();
            }
        }
        if (last == null) {
            throw new IOException(plain + " is empty");
        }
        return format.parseTrailer(last);
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GZIPOutputStream with a chosen level; its header has no name and time 0, so output is reproducible. */
    private static final class LevelledGzip extends GZIPOutputStream {
        LevelledGzip(OutputStream out, int level) throws IOException {
            super(out, 1 << 16);
            def.setLevel(level == 0 ? Deflater.DEFAULT_COMPRESSION : level);
        }
    }
}

package com.fniexchange.export.job;

import static com.fniexchange.export.support.Partner.partner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.Fixtures;
import com.fniexchange.export.support.PartnerExport;
import com.fniexchange.export.support.PartnerExports;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/** A partner with a PGP key receives a file only its private key opens, with an integrity check. */
@BatchExportTest
class PgpTest {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @Autowired PartnerExports exports;

    @Test
    void theFileDecryptsWithThePartnersPrivateKey() throws Exception {
        String partner = "PGP-PARTNER";
        LocalDate date = LocalDate.of(2026, 3, 8);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        PGPKeyPair keys = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), new Date());
        PartnerExport export = exports.onboard(partner(partner).dealers("P100").pgpPublicKey(armored(keys.getPublicKey())));
        String number = ContractRows.issue("P100", "Mazda", ContractRows.during(date, 1), "2100.00", "900.00", true);

        assertThat(export.run(date).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        String name = partner + "_contracts_20260308.csv.gz.pgp";
        byte[] delivered = Files.readAllBytes(Fixtures.outbound(partner).resolve(name));
        assertThat(new String(delivered, StandardCharsets.ISO_8859_1)).doesNotContain(number);
        PGPPublicKeyEncryptedData encrypted = (PGPPublicKeyEncryptedData) ((PGPEncryptedDataList)
                new JcaPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(delivered))).nextObject())
                .getEncryptedDataObjects().next();
        InputStream clear = encrypted.getDataStream(new JcePublicKeyDataDecryptorFactoryBuilder().setProvider(BC)
                .build(keys.getPrivateKey()));
        PGPLiteralData literal = (PGPLiteralData) new JcaPGPObjectFactory(clear).nextObject();
        byte[] gzip = literal.getInputStream().readAllBytes();
        assertThat(encrypted.isIntegrityProtected()).isTrue();
        assertThat(encrypted.verify()).isTrue();
        String plain = Fixtures.gunzip(gzip);

        assertThat(plain.lines().toList()).hasSize(3);
        assertThat(plain).contains("D," + number + ",").endsWith("T,1,2100.00,900.00\n");
        JsonNode manifest = new ObjectMapper().readTree(Files.readAllBytes(
                Fixtures.outbound(partner).resolve(partner + "_contracts_20260308.manifest.json")));
        assertThat(manifest.get("encrypted").asBoolean()).isTrue();
        assertThat(manifest.get("sha256").asText()).isEqualTo(Fixtures.sha256(delivered));
        assertThat(manifest.get("plaintextSha256").asText()).isEqualTo(Fixtures.sha256(plain.getBytes(StandardCharsets.UTF_8)));
    }

    private static String armored(PGPPublicKey key) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(out)) {
            key.encode(armor);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}

package com.fniexchange.export.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Iterator;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;

/**
 * OpenPGP encryption of partner files (Bouncy Castle): AES-256, integrity packet on, binary
 * output. Encryption uses a fresh session key, so an encrypted file differs byte-wise between
 * runs; the manifest's plaintext SHA-256 stays the same.
 */
public final class PgpEncryption {

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final int BUFFER = 1 << 16;

    private PgpEncryption() {
    }

    /** The first encryption-capable key of an ASCII-armoured public key (ring). */
    public static PGPPublicKey encryptionKey(String armored) throws IOException, PGPException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
            for (Iterator<PGPPublicKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
                for (Iterator<PGPPublicKey> k = r.next().getPublicKeys(); k.hasNext(); ) {
                    PGPPublicKey key = k.next();
                    if (key.isEncryptionKey() && !key.hasRevocation()) {
                        return key;
                    }
                }
            }
        }
        throw new PGPException("no encryption key in the public key");
    }

    /**
     * An output stream that encrypts what is written to it into {@code out}; closing it
     * finishes the OpenPGP message (it does not close {@code out}).
     */
    public static OutputStream encrypting(OutputStream out, PGPPublicKey key, String fileName, Date modified) throws IOException {
        PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(
                new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true).setSecureRandom(new SecureRandom()).setProvider(PROVIDER));
        encryption.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(key).setProvider(PROVIDER));
        try {
            OutputStream encrypted = encryption.open(out, new byte[BUFFER]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream data = literal.open(encrypted, PGPLiteralData.BINARY, fileName, modified, new byte[BUFFER]);
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    data.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    data.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    data.close();
                    literal.close();
                    encrypted.close();
                    encryption.close();
                }
            };
        } catch (PGPException e) {
            throw new IOException("cannot encrypt " + fileName + ": " + e.getMessage(), e);
        }
    }
}

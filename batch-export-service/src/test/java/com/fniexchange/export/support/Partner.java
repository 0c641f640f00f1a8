package com.fniexchange.export.support;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.partner.PartnerSettings;
import com.fniexchange.export.register.Register;
import java.util.List;

/**
 * A test partner as a test names it: who it is entitled to, what it receives, how. Unless told,
 * it receives the contract register in CSV, unencrypted, and is entitled to nothing.
 */
public record Partner(String id, List<String> dealers, List<String> makes, List<Register> registers, FileLayout layout,
                      String pgpPublicKey) {

    public static Partner partner(String id) {
        return new Partner(id, List.of(), List.of(), List.of(Register.CONTRACT_REGISTER), FileLayout.CSV, null);
    }

    public Partner dealers(String... codes) {
        return new Partner(id, List.of(codes), makes, registers, layout, pgpPublicKey);
    }

    public Partner makes(String... names) {
        return new Partner(id, dealers, List.of(names), registers, layout, pgpPublicKey);
    }

    public Partner registers(Register... received) {
        return new Partner(id, dealers, makes, List.of(received), layout, pgpPublicKey);
    }

    public Partner layout(FileLayout fileLayout) {
        return new Partner(id, dealers, makes, registers, fileLayout, pgpPublicKey);
    }

    /** Files are encrypted to this ASCII-armoured key. */
    public Partner pgpPublicKey(String armoredKey) {
        return new Partner(id, dealers, makes, registers, layout, armoredKey);
    }

    /** Its settings, delivering to the test SFTP server and Azurite. */
    public PartnerSettings settings() {
        return Fixtures.settings(id, dealers, makes, registers, layout, pgpPublicKey);
    }
}

package com.fniexchange.export.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.export.ops.ExportLauncher;
import com.fniexchange.export.register.Register;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.JobExecution;

/** An onboarded partner's exports, run to their end in the test's thread, and what its SFTP folder received. */
public record PartnerExport(String partner, List<Register> registers, ExportLauncher launcher) {

    /** The export of the partner's one register. */
    public JobExecution run(LocalDate businessDate) throws Exception {
        if (registers.size() != 1) {
            throw new IllegalStateException(partner + " receives " + registers + ": name the register to run");
        }
        return run(registers.get(0), businessDate);
    }

    public JobExecution run(Register register, LocalDate businessDate) throws Exception {
        return launcher.run(register, partner, businessDate);
    }

    public JobExecution restart(JobExecution failed) throws Exception {
        return launcher.restart(failed.getId());
    }

    /** The lines of a gzipped file delivered by SFTP, named {@code <partner>_<name>}. */
    public List<String> lines(String name) throws Exception {
        return Fixtures.gunzip(Files.readAllBytes(Fixtures.outbound(partner).resolve(partner + "_" + name))).lines().toList();
    }

    /** The reconciliation report delivered by SFTP beside the file {@code <partner>_<base>}. */
    public JsonNode report(String base) throws Exception {
        return new ObjectMapper().readTree(Files.readAllBytes(
                Fixtures.outbound(partner).resolve(partner + "_" + base + ".reconciliation.json")));
    }
}

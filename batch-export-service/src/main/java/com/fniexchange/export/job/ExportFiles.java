package com.fniexchange.export.job;

import com.fniexchange.export.file.Compression;
import com.fniexchange.export.partner.Partner;
import com.fniexchange.export.register.RegisterDefinition;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Names and places of one export's files: {@code <PARTNER>_<fileCode>_<yyyyMMdd>.<ext>[.gz][.pgp]},
 * its {@code .manifest.json} and its {@code .reconciliation.json}, built under
 * {@code <workDir>/<partner>/<register>/<date>/}.
 */
public record ExportFiles(Path directory, String base, String dataFileName, String plainFileName) {

    public static ExportFiles of(Path workDir, Partner partner, RegisterDefinition register, LocalDate businessDate) {
        String base = partner.partnerId() + "_" + register.fileCode() + "_" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE);
        String plain = base + "." + partner.layout().extension();
        String data = plain + (partner.compression() == Compression.GZIP ? ".gz" : "") + (partner.encrypts() ? ".pgp" : "");
        Path dir = workDir.resolve(partner.partnerId()).resolve(register.register().name()).resolve(businessDate.toString());
        return new ExportFiles(dir, base, data, plain);
    }

    /** The same file id for every run of one (register, partner, business date): it names the job instance. */
    public String fileId() {
        return base;
    }

    public Path plainFile() {
        return directory.resolve(plainFileName + ".extract");
    }

    public Path dataFile() {
        return directory.resolve(dataFileName);
    }

    public String manifestName() {
        return base + ".manifest.json";
    }

    public Path manifestFile() {
        return directory.resolve(manifestName());
    }

    public String reportName() {
        return base + ".reconciliation.json";
    }

    public Path reportFile() {
        return directory.resolve(reportName());
    }
}

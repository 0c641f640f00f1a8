package com.fniexchange.local;

import com.fniexchange.local.demo.SftpAccount;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The one table a newcomer reads when everything is up: where each part answers and logs. */
final class Banner {

    record Service(String name, int port, Path log) {
    }

    private Banner() {
    }

    static void print(PrintStream out, Path repository, List<Service> services, String brokers, Path brokerLog, SftpAccount sftp,
                      String blob, Path azuriteLog, long startedInMillis) {
        out.println();
        out.printf("fni-exchange is up (%.0f s). Ctrl-C stops everything it started.%n", startedInMillis / 1000.0);
        out.println();
        out.printf("  %-22s %-24s %-44s %s%n", "service", "base URL", "API docs (Swagger UI) / metrics (role OPS)", "log");
        for (Service s : services) {
            String base = "http://127.0.0.1:" + s.port();
            out.printf("  %-22s %-24s %-44s %s%n", s.name(), base, base + "/swagger-ui.html", relative(repository, s.log()));
            out.printf("  %-22s %-24s %-44s%n", "", "", base + "/actuator/prometheus");
        }
        out.println();
        out.printf("  %-22s %s   topics: %s (%d partitions each)%n", "kafka", brokers,
                String.join(", ", KafkaBroker.TOPICS), KafkaBroker.PARTITIONS);
        if (brokerLog != null) {
            out.printf("  %-22s log %s%n", "", relative(repository, brokerLog));
        }
        out.printf("  %-22s sftp://%s@%s:%d  folders %s, /staging   key file %s%n", "partner sftp", sftp.user(), sftp.host(),
                sftp.port(), sftp.inboundPath(), relative(repository, sftp.privateKey()));
        out.printf("  %-22s host key %s%n", "", sftp.hostKey());
        out.printf("  %-22s sftp -i %s -P %d %s@%s%n", "", relative(repository, sftp.privateKey()), sftp.port(), sftp.user(), sftp.host());
        out.printf("  %-22s %s%s%n", "azure blob", blob, azuriteLog == null ? "" : "   log " + relative(repository, azuriteLog));
        if (!blob.startsWith("off")) {
            out.printf("  %-22s account %s (Azurite's public dev key); each partner's registry entry names its container"
                    + " (the demo's: demo-partner-files)%n", "", Azurite.ACCOUNT);
        }
        out.println();
        out.printf("  %-22s deploy/local/dev-token.sh DEALER D1001   (a dealer user of D1001)%n", "dev tokens");
        out.printf("  %-22s deploy/local/dev-token.sh PROVIDER_ADMIN | CLAIMS_ADJUSTER | OPS%n", "");
        out.printf("  %-22s curl -H \"Authorization: Bearer $(deploy/local/dev-token.sh DEALER D1001)\" "
                + "http://127.0.0.1:8081/api/v1/contracts%n", "try");
        out.printf("  %-22s ./run-local.sh demo   (a scripted business day against this platform)%n", "");
        out.println();
    }

    static String relative(Path repository, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(repository) ? repository.relativize(abs).toString() : abs.toString();
    }
}

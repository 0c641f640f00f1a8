package com.fniexchange.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The four services as a deployment sees them, every fact read from the repository rather than
 * written here again: the port from the service's application.yml, the JVM flags from deploy/jvm,
 * the variables from the code that reads them.
 */
enum Service {
    CONTRACT("contract-service", true),
    CLAIMS("claims-service", true),
    CANCELLATION("cancellation-service", true),
    BATCH_EXPORT("batch-export-service", false);

    /** A variable a setting resolves: {@code ${FNI_DB_URL:...}} in YAML or Java, or a Java string literal. */
    private static final Pattern VARIABLE = Pattern.compile("(?:\\$\\{|\")((?:FNI|AZURE)_[A-Z0-9_]*[A-Z0-9])[:}\"]");
    /** A property a service reads by name ({@code "fni.db.role"}): its environment form ({@code FNI_DB_ROLE}) is read too. */
    private static final Pattern PROPERTY = Pattern.compile("\"(fni(?:\\.[a-z0-9-]+)+)\"");
    /** Where a service's code and settings are: its own and the common modules it runs with. */
    private static final List<String> SHARED = List.of("common-platform/src/main", "common-model/src/main");

    /** A variable whose value is a secret: given as a file (FNI_SECRETS_DIR), never as a value in a manifest. */
    private static final Pattern SECRET_VARIABLE = Pattern.compile(".*(PASSWORD|SECRET|ACCOUNT_KEY|ACCOUNTKEY|CONNECTION_STRING|TOKEN|PRIVATEKEY)$");

    final String id;
    /** Publishes and consumes events, so it needs a broker. */
    final boolean streams;

    Service(String id, boolean streams) {
        this.id = id;
        this.streams = streams;
    }

    /** The port of {@code server.port: ${PORT:8081}} in the service's application.yml. */
    int port() {
        return Integer.parseInt(Repository.firstGroup(Repository.read(id + "/src/main/resources/application.yml"),
                "port: \\$\\{PORT:(\\d+)}", id + "'s server.port"));
    }

    /** The heap the image's flags fix, in MiB: the last -Xmx of service.options and the service's own file. */
    int heapMiB() {
        String flags = Repository.read("deploy/jvm/service.options") + "\n" + Repository.read("deploy/jvm/" + id + ".options");
        Matcher m = Pattern.compile("(?m)^-Xmx(\\d+)m$").matcher(flags);
        int heap = -1;
        while (m.find()) {
            heap = Integer.parseInt(m.group(1));
        }
        if (heap < 0) {
            throw new AssertionError("no -Xmx in deploy/jvm for " + id);
        }
        return heap;
    }

    /**
     * Every {@code FNI_*} and {@code AZURE_*} variable the service's code or settings resolve, in
     * its own main sources and the common modules': a placeholder, a name in a string, or the
     * environment form of a property read by name. A variable only a comment names is read by nothing.
     */
    Set<String> variablesRead() {
        Set<String> names = new TreeSet<>();
        for (String folder : Stream.concat(Stream.of(id + "/src/main"), SHARED.stream()).toList()) {
            try (Stream<Path> files = Files.walk(Repository.path(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    Matcher m = VARIABLE.matcher(text);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                    Matcher p = PROPERTY.matcher(text);
                    while (p.find()) {
                        names.add(p.group(1).toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", ""));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The Spring properties under {@code fni.export} bind from {@code FNI_EXPORT_*} (batch-export-service's own prefix). */
    boolean bindsVariable(String name) {
        return variablesRead().contains(name)
                || name.startsWith("SPRING_")
                || (this == BATCH_EXPORT && name.startsWith("FNI_EXPORT_"));
    }

    static boolean isSecret(String variable) {
        return SECRET_VARIABLE.matcher(variable).matches();
    }

    Path imageLayout() {
        return Repository.path(id + "/target/jib-image-layout.tar");
    }

    static Service byId(String id) {
        return Stream.of(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + id));
    }
}

package com.fniexchange.local;

import com.fniexchange.local.demo.BusinessDay;
import com.fniexchange.local.demo.DemoPlatform;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine, without Docker: {@code ./run-local.sh [--reset] [demo]}.
 * Checks PostgreSQL, starts a Kafka broker process, the partner SFTP server, Azurite, then the
 * four services from their jars in dependency order (contract-service; claims-service and
 * cancellation-service, which read its events; batch-export-service, which reads all three's
 * views), each ready before the next. Prints one table of where everything is. {@code demo} then
 * drives a business day through the public APIs. Ctrl-C stops everything in reverse order.
 */
public final class LocalPlatform {

    private static final Duration READY_WITHIN = Duration.ofSeconds(240);
    private static final String USAGE = """
            usage: ./run-local.sh [--reset] [demo [--exit]]
              (none)   start the platform and keep it running until Ctrl-C
              demo     start it (or use the one already running), then drive a scripted business day
                       through the public APIs; --exit stops the platform when the demo ends
              --reset  start from empty data: the services' schemas, the broker's log, the partner's files
            Environment: FNI_DB_URL, FNI_DB_USER, FNI_DB_PASSWORD (PostgreSQL, default 127.0.0.1:5432/fni as postgres),
              FNI_KAFKA_BROKERS (use that broker instead of starting one), FNI_LOCAL_HOME (work folder, default .local),
              FNI_LOCAL_SFTP_PORT (default 2222)""";

    /** A service the launcher starts, the port it answers on and the schema (so the role) it owns. */
    record ServicePort(String name, int port, String schema) {
    }

    private final Path repository;
    private final WorkFolder work;
    private final PrintStream out;
    private final StartedParts started = new StartedParts();

    LocalPlatform(Path repository, PrintStream out) {
        this.repository = repository;
        this.work = WorkFolder.of(repository);
        this.out = out;
    }

    public static void main(String[] args) {
        boolean reset = false;
        boolean demo = false;
        boolean exitAfterDemo = false;
        for (String arg : args) {
            switch (arg) {
                case "--reset" -> reset = true;
                case "demo" -> demo = true;
                case "--exit" -> exitAfterDemo = true;
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println("unknown argument '" + arg + "'\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        LocalPlatform platform = new LocalPlatform(repository(), System.out);
        if (demo && !reset && LauncherLock.held(platform.work)) {
            DemoPlatform running = RunningPlatform.find(platform.work);
            if (running == null) {
                System.err.println("a launcher is starting the platform in " + platform.work.root()
                        + "; run the demo again once its banner is up");
                System.exit(1);
            }
            System.out.println("using the platform already running (" + running.contracts() + " ...)");
            System.exit(runDemo(running) ? 0 : 1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stopAll, "stop-platform"));
        DemoPlatform running;
        try {
            running = platform.start(reset);
        } catch (LaunchFailure failure) {
            platform.report(failure);
            System.exit(1);
            return;
        } catch (RuntimeException unexpected) {
            platform.report(new LaunchFailure("launcher", unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage()));
            System.exit(1);
            return;
        }
        if (demo) {
            boolean passed = runDemo(running);
            if (!passed || exitAfterDemo) {
                System.exit(passed ? 0 : 1);
            }
            System.out.println("demo passed; the platform keeps running. Ctrl-C stops it.");
        }
        platform.watch();
    }

    /** The launcher's jar, wherever it was started from: its manifest's class path is relative to it. */
    static Path launcherJar() {
        try {
            return Path.of(LocalPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository: deploy/local/target/local-platform.jar is three folders below it. */
    private static Path repository() {
        Path jar = launcherJar();
        Path candidate = jar.getParent().getParent().getParent().getParent();
        return candidate != null && candidate.resolve("deploy/run-service.sh").toFile().exists()
                ? candidate : Path.of("").toAbsolutePath();
    }

    private static boolean runDemo(DemoPlatform running) {
        try {
            new BusinessDay(running, System.out).run();
            return true;
        } catch (Exception e) {
            System.out.println();
            System.out.println("DEMO FAILED: " + e.getMessage());
            return false;
        }
    }

    DemoPlatform start(boolean reset) {
        long t0 = System.nanoTime();
        Map<String, String> env = new HashMap<>(System.getenv());
        int sftpPort = port(env, "FNI_LOCAL_SFTP_PORT", 2222);
        boolean ownBroker = env.get("FNI_KAFKA_BROKERS") == null || env.get("FNI_KAFKA_BROKERS").isBlank();
        work.prepare();
        // one launcher per work folder, and every fixed port free, before anything is stopped, emptied or started
        LauncherLock.take(work);
        LeftRunning.stopAll(work);
        List<Integer> ports = new ArrayList<>(List.of(8081, 8082, 8083, 8084, sftpPort));
        if (ownBroker) {
            ports.addAll(List.of(9092, 9093));
        }
        requireFree(ports);
        if (reset) {
            out.println("--reset: emptying " + work.root());
            work.reset();
        }
        RunningPlatform.forget(work);

        out.println("== postgresql");
        Postgres postgres = new Postgres(env);
        postgres.prepare(reset);
        postgres.createServiceRoles(repository.resolve(Postgres.SERVICE_ROLES));
        out.println("  " + postgres.printableUrl() + " as " + postgres.user() + "; each service acts as its own role ("
                + Postgres.SERVICE_ROLES + ")");

        out.println("== kafka");
        KafkaBroker.Started kafka = KafkaBroker.start(work, env, 9092, repository, started);
        out.println("  " + kafka.brokers() + (kafka.process() == null ? " (FNI_KAFKA_BROKERS, not started here)" : "")
                + "; topics ready");

        out.println("== partner sftp");
        PartnerSftpServer sftp = PartnerSftpServer.start(work, sftpPort);
        started.add(sftp);
        out.println("  " + sftp.where());

        out.println("== azure blob (azurite)");
        Azurite.Started azurite = Azurite.start(work, repository, started);
        String blobWhere = azurite.available() ? "http://127.0.0.1:" + Azurite.PORT + "/" + Azurite.ACCOUNT
                + (azurite.note() == null ? "" : "  " + azurite.note()) : azurite.note();
        out.println("  " + blobWhere);

        Map<String, String> serviceEnv = new HashMap<>();
        serviceEnv.put("FNI_KAFKA_BROKERS", kafka.brokers());
        serviceEnv.put("FNI_EXPORT_WORK_DIR", work.exports().toString());
        List<Banner.Service> services = new ArrayList<>();
        // dependency order: claims and cancellation read contract events; the batch reads every service's views
        startTogether(List.of(new ServicePort("contract-service", 8081, "contract")), List.of(), serviceEnv, services);
        startTogether(List.of(new ServicePort("claims-service", 8082, "claims"),
                        new ServicePort("cancellation-service", 8083, "cancellation")), List.of(),
                serviceEnv, services);
        // the SFTP identity reaches the service as a file location, never as key text on the command line
        startTogether(List.of(new ServicePort("batch-export-service", 8084, "batch_export")), List.of("--fni.export.sftp.identities."
                + PartnerSftpServer.IDENTITY + ".private-key-location=file:" + sftp.account().privateKey()), serviceEnv, services);

        DemoPlatform platform = new DemoPlatform(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8082"),
                URI.create("http://127.0.0.1:8083"), URI.create("http://127.0.0.1:8084"), kafka.brokers(), sftp.account(),
                azurite.available() ? Azurite.ACCOUNT : null, azurite.available() ? Azurite.CONNECTION_STRING : null, DevTokens.local());
        RunningPlatform.remember(work, platform);
        Banner.print(out, repository, services, kafka.brokers(), kafka.process() == null ? null : kafka.process().log(),
                sftp.account(), blobWhere, azurite.process() == null ? null : azurite.process().log(), (System.nanoTime() - t0) / 1_000_000);
        return platform;
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // named below
        }
        throw new LaunchFailure("launcher", variable + " must be a port number (1 to 65535), not '" + value + "'");
    }

    static void requireFree(List<Integer> ports) {
        for (int port : ports) {
            if (LocalMachine.listening("127.0.0.1", port)) {
                throw new LaunchFailure("ports", "port " + port + " is already in use on 127.0.0.1; stop what holds it"
                        + (port == 9092 || port == 9093 ? " (a Kafka broker of your own? FNI_KAFKA_BROKERS=127.0.0.1:9092 uses it)" : ""));
            }
        }
    }

    /** Services that do not need each other start at the same time; each must be ready before this returns. */
    private void startTogether(List<ServicePort> group, List<String> arguments, Map<String, String> env, List<Banner.Service> services) {
        long t0 = System.nanoTime();
        List<ChildProcess> processes = new ArrayList<>();
        for (ServicePort s : group) {
            out.println("== " + s.name());
            Map<String, String> own = new HashMap<>(env);
            // least privilege: the login user acts as the service's role (deploy/db/service-roles.sql)
            own.put("FNI_DB_ROLE", Postgres.serviceRole(s.schema()));
            processes.add(ServiceJar.start(s.name(), s.port(), arguments, own, work, repository, started));
        }
        for (int i = 0; i < group.size(); i++) {
            ServicePort s = group.get(i);
            ServiceJar.awaitReady(processes.get(i), s.port(), READY_WITHIN);
            out.printf("  %s ready on http://127.0.0.1:%d (%.1f s)%n", s.name(), s.port(), (System.nanoTime() - t0) / 1e9);
            services.add(new Banner.Service(s.name(), s.port(), processes.get(i).log()));
        }
    }

    /** Runs until Ctrl-C; a part that dies on its own is reported, and the launcher stops the rest. */
    private void watch() {
        while (true) {
            for (Part part : started.list()) {
                if (part instanceof ChildProcess p && !p.isAlive()) {
                    report(new LaunchFailure(p.name(), "stopped on its own", p.log()));
                    System.exit(1);
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void report(LaunchFailure failure) {
        PrintStream err = System.err;
        err.println();
        err.println("FAILED: " + failure.part() + ": " + failure.getMessage());
        if (failure.log() != null) {
            // a Java service's own words are in its innermost "Caused by", far above the stack's last lines
            ChildProcess.tail(failure.log(), 400).stream().filter(line -> line.startsWith("Caused by: ")).reduce((a, b) -> b)
                    .ifPresent(cause -> err.println("  " + (cause.length() > 400 ? cause.substring(0, 400) + " ..." : cause)));
            err.println("---- last lines of " + Banner.relative(repository, failure.log()) + " ----");
            ChildProcess.tail(failure.log(), 25).forEach(line -> err.println("  " + line));
            err.println("----");
        }
    }

    void stopAll() {
        if (started.isEmpty()) {
            started.stopAll(out);
            return;
        }
        out.println();
        out.println("stopping ...");
        RunningPlatform.forget(work);
        started.stopAll(out);
    }
}

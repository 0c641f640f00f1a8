package com.fniexchange.local;

import com.fniexchange.local.demo.BusinessDay;
import com.fniexchange.local.demo.DemoPlatform;
import com.fniexchange.local.demo.SftpAccount;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

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

    private final Path repository;
    private final WorkFolder work;
    private final PrintStream out;
    private final Deque<Part> started = new ArrayDeque<>();

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
        Path repository = Path.of("").toAbsolutePath();
        LocalPlatform platform = new LocalPlatform(repository, System.out);
        if (demo && !reset) {
            DemoPlatform running = RunningPlatform.find(platform.work, repository);
            if (running != null) {
                System.out.println("using the platform already running (" + running.contracts() + " ...)");
                System.exit(runDemo(running) ? 0 : 1);
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.stopAll();
            stopped.countDown();
        }, "stop-platform"));
        DemoPlatform running;
        try {
            running = platform.start(reset);
        } catch (LaunchFailure failure) {
            platform.report(failure);
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
        LeftRunning.stopAll(work);
        if (reset) {
            out.println("--reset: emptying " + work.root());
            work.reset();
        }
        RunningPlatform.forget(work);
        out.println("== postgresql");
        Postgres postgres = new Postgres(env);
        postgres.prepare(reset);
        out.println("  " + postgres.url() + " as " + postgres.user());

        // every fixed port first: a port in use is named before anything starts
        List<Integer> ports = new ArrayList<>(List.of(8081, 8082, 8083, 8084,
                Integer.parseInt(env.getOrDefault("FNI_LOCAL_SFTP_PORT", "2222"))));
        if (env.get("FNI_KAFKA_BROKERS") == null || env.get("FNI_KAFKA_BROKERS").isBlank()) {
            ports.addAll(List.of(9092, 9093));
        }
        for (int port : ports) {
            if (KafkaBroker.answers("127.0.0.1", port)) {
                throw new LaunchFailure("ports", "port " + port + " is already in use on 127.0.0.1; stop what holds it"
                        + (port >= 9092 && port <= 9093 ? " (a Kafka broker of your own? FNI_KAFKA_BROKERS=127.0.0.1:9092 uses it)" : ""));
            }
        }
        out.println("== kafka");
        KafkaBroker.Started kafka = KafkaBroker.start(work, env, 9092, repository);
        if (kafka.process() != null) {
            started.push(kafka.process());
        }
        out.println("  " + kafka.brokers() + (kafka.process() == null ? " (FNI_KAFKA_BROKERS, not started here)" : "")
                + "; topics ready");

        out.println("== partner sftp");
        int sftpPort = Integer.parseInt(env.getOrDefault("FNI_LOCAL_SFTP_PORT", "2222"));
        PartnerSftpServer sftp = PartnerSftpServer.start(work, sftpPort);
        started.push(sftp);
        out.println("  " + sftp.where());

        out.println("== azure blob (azurite)");
        Azurite.Started azurite = Azurite.start(work, repository);
        if (azurite.process() != null) {
            started.push(azurite.process());
        }
        String blobWhere = azurite.available() ? "http://127.0.0.1:" + Azurite.PORT + "/" + Azurite.ACCOUNT
                + (azurite.note() == null ? "" : "  " + azurite.note()) : azurite.note();
        out.println("  " + blobWhere);

        Map<String, String> serviceEnv = new HashMap<>();
        serviceEnv.put("FNI_KAFKA_BROKERS", kafka.brokers());
        serviceEnv.put("FNI_EXPORT_WORK_DIR", work.exports().toString());
        List<Banner.Service> services = new ArrayList<>();
        // dependency order: claims and cancellation read contract events; the batch reads every service's views
        startService("contract-service", 8081, List.of(), serviceEnv, services);
        startTogether(List.of(new String[] {"claims-service", "8082"}, new String[] {"cancellation-service", "8083"}), serviceEnv, services);
        // the SFTP identity reaches the service as a file location, never as key text on the command line
        startService("batch-export-service", 8084, List.of("--fni.export.sftp.identities." + PartnerSftpServer.IDENTITY
                + ".private-key=file:" + sftp.account().privateKey()), serviceEnv, services);

        DemoPlatform platform = new DemoPlatform(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8082"),
                URI.create("http://127.0.0.1:8083"), URI.create("http://127.0.0.1:8084"), kafka.brokers(), sftp.account(),
                azurite.available() ? Azurite.ACCOUNT : null, azurite.available() ? Azurite.CONNECTION_STRING : null, DevTokens.local());
        RunningPlatform.remember(work, platform);
        Banner.print(out, repository, services, kafka.brokers(), kafka.process() == null ? null : kafka.process().log(),
                sftp.account(), blobWhere, azurite.process() == null ? null : azurite.process().log(), (System.nanoTime() - t0) / 1_000_000);
        return platform;
    }

    private void startService(String name, int port, List<String> arguments, Map<String, String> env, List<Banner.Service> services) {
        out.println("== " + name);
        long t0 = System.nanoTime();
        ChildProcess service = ServiceJar.start(name, port, arguments, env, work, repository);
        started.push(service);
        ServiceJar.awaitReady(service, port, READY_WITHIN);
        out.printf("  ready on http://127.0.0.1:%d (%.1f s)%n", port, (System.nanoTime() - t0) / 1e9);
        services.add(new Banner.Service(name, port, service.log()));
    }

    /** Services that do not need each other start at the same time. */
    private void startTogether(List<String[]> namesAndPorts, Map<String, String> env, List<Banner.Service> services) {
        long t0 = System.nanoTime();
        List<ChildProcess> processes = new ArrayList<>();
        for (String[] s : namesAndPorts) {
            out.println("== " + s[0]);
            ChildProcess service = ServiceJar.start(s[0], Integer.parseInt(s[1]), List.of(), env, work, repository);
            started.push(service);
            processes.add(service);
        }
        for (int i = 0; i < processes.size(); i++) {
            int port = Integer.parseInt(namesAndPorts.get(i)[1]);
            ServiceJar.awaitReady(processes.get(i), port, READY_WITHIN);
            out.printf("  %s ready on http://127.0.0.1:%d (%.1f s)%n", processes.get(i).name(), port, (System.nanoTime() - t0) / 1e9);
            services.add(new Banner.Service(processes.get(i).name(), port, processes.get(i).log()));
        }
    }

    /** Runs until Ctrl-C; a part that dies on its own is reported, and the launcher stops the rest. */
    private void watch() {
        while (true) {
            for (Part part : List.copyOf(started)) {
                if (part instanceof ChildProcess p && !p.isAlive()) {
                    report(new LaunchFailure(p.name(), "stopped on its own", p.log()));
                    System.exit(1);
                }
            }
            KafkaBroker.sleep(2000);
        }
    }

    void report(LaunchFailure failure) {
        PrintStream err = System.err;
        err.println();
        err.println("FAILED: " + failure.part() + ": " + failure.getMessage());
        if (failure.log() != null) {
            err.println("---- last lines of " + Banner.relative(repository, failure.log()) + " ----");
            ChildProcess.tail(failure.log(), 25).forEach(line -> err.println("  " + line));
            err.println("----");
        }
    }

    /** Reverse order of start: the services first, the broker last, so nothing loses what it is writing to. */
    synchronized void stopAll() {
        if (started.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("stopping ...");
        RunningPlatform.forget(work);
        while (!started.isEmpty()) {
            Part part = started.pop();
            long t0 = System.nanoTime();
            part.stop();
            System.out.printf("  stopped %s (%.1f s)%n", part.name(), (System.nanoTime() - t0) / 1e9);
        }
    }
}

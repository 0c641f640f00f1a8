package com.fniexchange.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service, run from its built jar through {@code deploy/run-service.sh} with the JVM flags it
 * ships with and the {@code local} profile, in a process of its own. Ready when
 * {@code /actuator/health/readiness} answers UP.
 */
final class ServiceJar {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceJar() {
    }

    static ChildProcess start(String service, int port, List<String> arguments, Map<String, String> environment,
                              WorkFolder work, Path repository) {
        if (KafkaBroker.answers("127.0.0.1", port)) {
            throw new LaunchFailure(service, "port " + port + " is already in use on 127.0.0.1 (another " + service
                    + "?); stop what holds it");
        }
        List<String> command = new ArrayList<>();
        command.addAll(List.of("bash", repository.resolve("deploy/run-service.sh").toString(), service,
                "--spring.profiles.active=local", "--server.port=" + port));
        command.addAll(arguments);
        return ChildProcess.start(service, command, repository, environment, work.log(service), "http://127.0.0.1:" + port);
    }

    /** Waits until the service reports ready; fails naming it when its process ends or time runs out. */
    static void awaitReady(ChildProcess service, int port, Duration within) {
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            service.requireAlive();
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchFailure(service.name(), "interrupted while waiting for readiness", service.log());
            }
            if (System.nanoTime() > deadline) {
                throw new LaunchFailure(service.name(), "not ready within " + within.toSeconds() + " s (" + readiness + ")", service.log());
            }
            KafkaBroker.sleep(500);
        }
    }
}

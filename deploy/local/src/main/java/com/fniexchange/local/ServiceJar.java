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
                              WorkFolder work, Path repository, StartedParts parts) {
        List<String> command = new ArrayList<>();
        // this machine only: the local profile's token secret is a public development default
        command.addAll(List.of("bash", repository.resolve("deploy/run-service.sh").toString(), service,
                "--spring.profiles.active=local", "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        return ChildProcess.start(service, command, repository, environment, work, parts);
    }

    /** Waits until the service reports ready; fails naming it when its process ends or time runs out. */
    static void awaitReady(ChildProcess service, int port, Duration within) {
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        if (!LocalMachine.await(within, service::requireAlive, () -> ready(readiness))) {
            throw new LaunchFailure(service.name(), "not ready within " + within.toSeconds() + " s (" + readiness + ")", service.log());
        }
    }

    private static boolean ready(URI readiness) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

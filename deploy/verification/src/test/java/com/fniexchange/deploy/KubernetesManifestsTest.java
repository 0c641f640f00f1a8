package com.fniexchange.deploy;

import static com.fniexchange.deploy.YamlTree.castMap;
import static com.fniexchange.deploy.YamlTree.list;
import static com.fniexchange.deploy.YamlTree.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s as a cluster would get it: the base and every overlay rendered with
 * {@code kubectl kustomize} (kubectl must be on the PATH, or {@code FNI_KUBECTL} names it), then
 * every object read. A container without probes, resources or the locked-down security context
 * fails, as do a floating image tag, a variable a service needs but lacks (or one it does not
 * read), a secret given as a value, and a Service port no container listens on.
 */
class KubernetesManifestsTest {

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/azure"})
    void everyContainerHasProbesResourcesAndALockedDownSecurityContext(String kustomization) {
        List<String> checked = new ArrayList<>();
        for (Map<String, Object> workload : workloads(kustomization)) {
            Map<String, Object> pod = podSpec(workload);
            Map<String, Object> podSecurity = map(pod, "securityContext");
            for (Map<String, Object> container : containers(pod, "containers")) {
                String where = kustomization + " " + name(workload) + "/" + container.get("name");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(container).as("%s has a %s", where, probe).containsKey(probe);
                }
                checkResourcesAndSecurity(where, container, podSecurity);
                checked.add(where);
            }
            for (Map<String, Object> init : containers(pod, "initContainers")) {
                checkResourcesAndSecurity(kustomization + " " + name(workload) + "/" + init.get("name") + " (init)", init, podSecurity);
            }
        }
        assertThat(checked).as("containers rendered from %s", kustomization).hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/azure"})
    void everyImageHasAnExactTag(String kustomization) {
        for (Map<String, Object> workload : workloads(kustomization)) {
            Map<String, Object> pod = podSpec(workload);
            Stream.concat(containers(pod, "containers").stream(), containers(pod, "initContainers").stream()).forEach(c -> {
                String image = String.valueOf(c.get("image"));
                String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
                assertThat(afterRegistry).as("%s: %s names a tag or a digest", kustomization, image).containsAnyOf(":", "@sha256:");
                if (!image.contains("@sha256:")) {
                    assertThat(afterRegistry.substring(afterRegistry.indexOf(':') + 1)).as(image).isNotIn("latest", "");
                }
            });
        }
    }

    @Test
    void azurePullsTheReleaseOfThisVersionAndItsTokensCarryThePlatformsRoles() {
        String release = Repository.version().replace("-SNAPSHOT", "");
        for (Service service : Service.values()) {
            assertThat(String.valueOf(serviceContainer(deployment("overlays/azure", service), service).get("image")))
                    .as("the tag deploy/README.md's jib:build pushes").endsWith("/fni-exchange/" + service.id + ":" + release);
        }
        String roles = Repository.read("deploy/entra-app-roles.json");
        Matcher declared = Pattern.compile("(?m)^    ([A-Z_]+)\\(").matcher(
                Repository.read("common-platform/src/main/java/com/fniexchange/platform/security/Role.java"));
        List<String> platformRoles = new ArrayList<>();
        while (declared.find()) {
            platformRoles.add(declared.group(1));
        }
        assertThat(platformRoles).isNotEmpty();
        for (String role : platformRoles) {
            assertThat(roles).as("the Entra app role %s", role).contains("\"value\": \"" + role + "\"");
        }
        assertThat(Repository.read("deploy/README.md")).contains("-Djib.to.tags=" + release);
        // the export work folder one share for every replica, so a restart finds the stopped run's files
        Map<String, Object> batch = podSpec(deployment("overlays/azure", Service.BATCH_EXPORT));
        Map<String, Object> work = list(batch, "volumes").stream().map(YamlTree::castMap)
                .filter(v -> "export-work".equals(v.get("name"))).findFirst().orElseThrow();
        String claim = String.valueOf(map(work, "persistentVolumeClaim").get("claimName"));
        assertThat(work).doesNotContainKey("emptyDir");
        assertThat(render("overlays/azure")).anyMatch(o -> "PersistentVolumeClaim".equals(o.get("kind")) && claim.equals(name(o))
                && list(map(o, "spec"), "accessModes").contains("ReadWriteMany"));
    }

    @Test
    void theBaseRunsTheImagesJibBuildsOfThisVersion() {
        for (Service service : Service.values()) {
            assertThat(serviceContainer(deployment("base", service), service).get("image"))
                    .isEqualTo("fni-exchange/" + service.id + ":" + Repository.version());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/azure"})
    void everyServiceGetsTheVariablesItNeedsNoneItDoesNotReadAndItsSecretsAsFiles(String overlay) {
        boolean azure = overlay.endsWith("azure");
        for (Service service : Service.values()) {
            Map<String, Object> deployment = deployment(overlay, service);
            Map<String, Object> container = serviceContainer(deployment, service);
            Map<String, String> env = environment(overlay, container);
            List<String> needs = new ArrayList<>(List.of("SPRING_PROFILES_ACTIVE", "FNI_DB_URL", "FNI_DB_USER", "FNI_DB_ROLE", "FNI_SECRETS_DIR"));
            if (service.streams) {
                needs.addAll(azure ? List.of("AZURE_EVENTHUBS_NAMESPACE", "AZURE_STORAGE_ACCOUNT_NAME") : List.of("FNI_KAFKA_BROKERS"));
            }
            if (azure) {
                needs.addAll(List.of("FNI_JWT_ISSUER_URI", "FNI_JWT_AUDIENCE"));
            }
            if (service == Service.BATCH_EXPORT) {
                needs.add("FNI_EXPORT_WORK_DIR");
            }
            assertThat(env.keySet()).as("%s %s is given what it needs", overlay, service.id).containsAll(needs);
            assertThat(env.keySet()).as("%s %s: every variable set is one it reads", overlay, service.id).allMatch(service::bindsVariable);
            assertThat(env.keySet()).as("%s %s: no secret as a value", overlay, service.id).noneMatch(n -> Service.isSecret(n));
            assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo(azure ? "eventhubs" : "local");
            assertThat(mountPaths(container)).as("%s %s mounts its secrets folder, /tmp", overlay, service.id)
                    .contains(env.get("FNI_SECRETS_DIR"), "/tmp");
            if (service == Service.BATCH_EXPORT) {
                assertThat(mountPaths(container)).as("the export work folder").contains(env.get("FNI_EXPORT_WORK_DIR"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/azure"})
    void everyServiceListensOnItsPortProbesItAndHasMemoryForItsHeap(String kustomization) {
        for (Service service : Service.values()) {
            Map<String, Object> container = serviceContainer(deployment(kustomization, service), service);
            List<Integer> ports = list(container, "ports").stream().map(p -> ((Number) ((Map<?, ?>) p).get("containerPort")).intValue()).toList();
            assertThat(ports).as("%s %s", kustomization, service.id).containsExactly(service.port());
            assertThat(String.valueOf(map(map(container, "readinessProbe"), "httpGet").get("path"))).isEqualTo("/actuator/health/readiness");
            assertThat(String.valueOf(map(map(container, "livenessProbe"), "httpGet").get("path"))).isEqualTo("/actuator/health/liveness");
            long limit = mebibytes(String.valueOf(map(map(container, "resources"), "limits").get("memory")));
            assertThat(limit).as("%s %s: -Xmx%dm and the JVM's own memory", kustomization, service.id, service.heapMiB())
                    .isGreaterThanOrEqualTo(service.heapMiB() + 256L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/azure"})
    void everyServicePortReachesAContainerPortOfThePodsItSelects(String kustomization) {
        List<Map<String, Object>> objects = render(kustomization);
        for (Map<String, Object> svc : objects.stream().filter(o -> "Service".equals(o.get("kind"))).toList()) {
            Map<String, Object> selector = map(map(svc, "spec"), "selector");
            assertThat(selector).as("%s Service %s selects pods", kustomization, name(svc)).isNotEmpty();
            List<Map<String, Object>> selected = workloads(kustomization).stream()
                    .filter(w -> map(map(map(map(w, "spec"), "template"), "metadata"), "labels").entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected).as("%s Service %s selects a workload", kustomization, name(svc)).isNotEmpty();
            List<Object> containerPorts = new ArrayList<>();
            selected.forEach(w -> containers(podSpec(w), "containers").forEach(c -> list(c, "ports").forEach(p -> {
                Map<?, ?> port = (Map<?, ?>) p;
                containerPorts.add(((Number) port.get("containerPort")).intValue());
                if (port.get("name") != null) {
                    containerPorts.add(port.get("name"));
                }
            })));
            for (Object p : list(map(svc, "spec"), "ports")) {
                Map<?, ?> port = (Map<?, ?>) p;
                Object target = port.get("targetPort") != null ? port.get("targetPort") : port.get("port");
                Object normalised = target instanceof Number n ? (Object) n.intValue() : target;
                assertThat(containerPorts).as("%s Service %s port %s", kustomization, name(svc), target).contains(normalised);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/azure"})
    void scalesTheApiServicesKeepsOneOfEachThroughDisruptionsAndLimitsTheirTraffic(String kustomization) {
        List<Map<String, Object>> objects = render(kustomization);
        List<String> autoscaled = objects.stream().filter(o -> "HorizontalPodAutoscaler".equals(o.get("kind")))
                .map(o -> String.valueOf(map(map(o, "spec"), "scaleTargetRef").get("name"))).toList();
        assertThat(autoscaled).containsExactlyInAnyOrder("contract-service", "claims-service", "cancellation-service");
        for (Service service : Service.values()) {
            assertThat(objects).as("%s: a PodDisruptionBudget for %s", kustomization, service.id)
                    .anyMatch(o -> "PodDisruptionBudget".equals(o.get("kind")) && selects(map(map(o, "spec"), "selector"), service));
            assertThat(objects).as("%s: a NetworkPolicy for %s", kustomization, service.id)
                    .anyMatch(o -> "NetworkPolicy".equals(o.get("kind")) && selects(map(map(o, "spec"), "podSelector"), service)
                            && list(map(o, "spec"), "policyTypes").containsAll(List.of("Ingress", "Egress")));
        }
    }

    @Test
    void localGivesEveryServiceItsDatabasePasswordAsAFile() {
        List<Map<String, Object>> objects = render("overlays/local");
        for (Service service : Service.values()) {
            Map<String, Object> pod = podSpec(deployment("overlays/local", service));
            String secret = list(pod, "volumes").stream().map(YamlTree::castMap).filter(v -> "secrets".equals(v.get("name")))
                    .map(v -> String.valueOf(map(v, "secret").get("secretName"))).findFirst().orElseThrow();
            assertThat(objects).as("%s's Secret %s holds FNI_DB_PASSWORD", service.id, secret)
                    .anyMatch(o -> "Secret".equals(o.get("kind")) && secret.equals(name(o)) && map(o, "data").containsKey("FNI_DB_PASSWORD"));
        }
    }

    @Test
    void azureIsPasswordlessWithWorkloadIdentityAndMountsOnlyThePartnersSecretsFromKeyVault() {
        List<Map<String, Object>> objects = render("overlays/azure");
        assertThat(objects).anyMatch(o -> "SecretProviderClass".equals(o.get("kind")));
        for (Service service : Service.values()) {
            Map<String, Object> deployment = deployment("overlays/azure", service);
            Map<String, Object> pod = podSpec(deployment);
            assertThat(map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels"))
                    .containsEntry("azure.workload.identity/use", "true");
            String account = String.valueOf(pod.get("serviceAccountName"));
            Map<String, Object> serviceAccount = objects.stream()
                    .filter(o -> "ServiceAccount".equals(o.get("kind")) && account.equals(name(o))).findFirst()
                    .orElseThrow(() -> new AssertionError("no ServiceAccount " + account));
            assertThat(map(map(serviceAccount, "metadata"), "annotations")).containsKey("azure.workload.identity/client-id");
            Map<String, String> env = environment("overlays/azure", serviceContainer(deployment, service));
            assertThat(env).as("%s logs in to PostgreSQL as its managed identity, no password", service.id)
                    .containsEntry("FNI_DB_PASSWORDLESS", "true").containsEntry("FNI_DB_USER", "fni-" + service.id);
            boolean keyVault = list(pod, "volumes").stream()
                    .anyMatch(v -> "secrets-store.csi.k8s.io".equals(String.valueOf(map(castMap(v), "csi").get("driver"))));
            // only batch-export-service has secrets on AKS: the partners' SFTP keys and SAS
            assertThat(keyVault).as("%s mounts a Key Vault secret store", service.id).isEqualTo(service == Service.BATCH_EXPORT);
        }
        assertThat(environment("overlays/azure", serviceContainer(deployment("overlays/azure", Service.BATCH_EXPORT), Service.BATCH_EXPORT)))
                .as("the provider's exports account, passwordless").containsKey("FNI_EXPORT_BLOB_ACCOUNTS_EXPORTS_ENDPOINT");
        assertThat(objects.stream().filter(o -> "SecretProviderClass".equals(o.get("kind"))).map(o -> String.valueOf(map(map(o, "spec"),
                "parameters").get("objects")))).as("no password in Key Vault: PostgreSQL is passwordless")
                .noneMatch(o -> o.contains("FNI_DB_PASSWORD"));
    }

    private static void checkResourcesAndSecurity(String where, Map<String, Object> container, Map<String, Object> podSecurity) {
        Map<String, Object> resources = map(container, "resources");
        assertThat(map(resources, "requests")).as("%s requests", where).containsKeys("cpu", "memory");
        assertThat(map(resources, "limits")).as("%s limits", where).containsKeys("cpu", "memory");
        Map<String, Object> security = map(container, "securityContext");
        Object nonRoot = security.containsKey("runAsNonRoot") ? security.get("runAsNonRoot") : podSecurity.get("runAsNonRoot");
        assertThat(nonRoot).as("%s runAsNonRoot", where).isEqualTo(true);
        assertThat(security.get("readOnlyRootFilesystem")).as("%s readOnlyRootFilesystem", where).isEqualTo(true);
        assertThat(security.get("allowPrivilegeEscalation")).as("%s allowPrivilegeEscalation", where).isEqualTo(false);
        assertThat(list(map(security, "capabilities"), "drop")).as("%s drops all capabilities", where).contains("ALL");
    }

    /** A container's variables: its env (value or reference) and envFrom ConfigMaps of the same render. */
    private static Map<String, String> environment(String kustomization, Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : list(container, "envFrom")) {
            Map<?, ?> source = (Map<?, ?>) from;
            Map<?, ?> ref = (Map<?, ?>) source.get("configMapRef");
            assertThat(source.get("secretRef")).as("secrets come as files, not as variables").isNull();
            if (ref != null) {
                String configMap = String.valueOf(ref.get("name"));
                Map<String, Object> data = render(kustomization).stream()
                        .filter(o -> "ConfigMap".equals(o.get("kind")) && configMap.equals(name(o))).findFirst()
                        .map(o -> map(o, "data")).orElseThrow(() -> new AssertionError("envFrom names ConfigMap " + configMap + ", not rendered"));
                data.forEach((k, v) -> env.put(k, String.valueOf(v)));
            }
        }
        for (Object e : list(container, "env")) {
            Map<?, ?> variable = (Map<?, ?>) e;
            assertThat(map(castMap(variable.get("valueFrom")), "secretKeyRef")).as("%s as a secret variable", variable.get("name")).isEmpty();
            env.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
        }
        return env;
    }

    private static List<String> mountPaths(Map<String, Object> container) {
        return list(container, "volumeMounts").stream().map(m -> String.valueOf(((Map<?, ?>) m).get("mountPath"))).toList();
    }

    private static boolean selects(Map<String, Object> selector, Service service) {
        Map<String, Object> labels = map(selector, "matchLabels");
        return service.id.equals(labels.get("app.kubernetes.io/name"));
    }

    private static Map<String, Object> deployment(String kustomization, Service service) {
        return render(kustomization).stream()
                .filter(o -> "Deployment".equals(o.get("kind")) && service.id.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError(kustomization + " renders no Deployment " + service.id));
    }

    private static Map<String, Object> serviceContainer(Map<String, Object> deployment, Service service) {
        return containers(podSpec(deployment), "containers").stream().filter(c -> service.id.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + service.id + " has no container " + service.id));
    }

    private static List<Map<String, Object>> workloads(String kustomization) {
        return render(kustomization).stream()
                .filter(o -> List.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(String.valueOf(o.get("kind")))).toList();
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(workload, "spec"), "template"), "spec");
    }

    private static List<Map<String, Object>> containers(Map<String, Object> pod, String key) {
        return list(pod, key).stream().map(YamlTree::castMap).toList();
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(map(object, "metadata").get("name"));
    }

    static List<Map<String, Object>> render(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, KubernetesManifestsTest::kustomize);
    }

    private static List<Map<String, Object>> kustomize(String kustomization) {
        String kubectl = Objects.requireNonNullElse(System.getenv("FNI_KUBECTL"), "kubectl");
        List<String> command = new ArrayList<>(List.of(kubectl, "kustomize"));
        command.addAll(Kustomize.flagsFor(kustomization));
        command.add(Repository.path("deploy/k8s/" + kustomization).toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), new String(err, StandardCharsets.UTF_8)).isZero();
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(new String(out, StandardCharsets.UTF_8))) {
                if (doc != null) {
                    objects.add(castMap(doc));
                }
            }
            assertThat(objects).as("%s renders objects", kustomization).isNotEmpty();
            return objects;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + kubectl + " (kubectl 1.27+ with kustomize; FNI_KUBECTL names another): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(m.matches()).as("a memory quantity like 512Mi: %s", quantity).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
    }

}

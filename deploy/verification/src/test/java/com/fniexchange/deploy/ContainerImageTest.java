package com.fniexchange.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each service's image, as its verify built it (the image-layout execution: the image's own
 * config and layers on an empty base; the shipped image puts the same on the JRE base): not root,
 * the shipped JVM flags, the service's port, layered, and no secret in any layer.
 */
class ContainerImageTest {

    /** What a secret looks like in a file, whoever wrote it. */
    private static final Pattern SECRET_TEXT = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----|AccountKey=(?!Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==)"
                    + "|SharedAccessKey=(?!SAS_KEY_VALUE)[^;\"\\s]+");
    private static final Pattern SECRET_FILE = Pattern.compile("(?i).*(\\.pem|\\.key|\\.p12|\\.pfx|\\.jks|/id_(rsa|ecdsa|ed25519)|/\\.env|secrets?/.*)$");

    @ParameterizedTest
    @EnumSource(Service.class)
    void runsAsAUserThatIsNotRoot(Service service) throws IOException {
        String user = image(service).config().path("User").asText();
        assertThat(user).as("%s's image user", service.id).isNotBlank();
        String uid = user.split(":")[0];
        assertThat(uid).as("a numeric uid, so runAsNonRoot can check it").matches("\\d+");
        assertThat(Integer.parseInt(uid)).isNotZero();
        assertThat(user.split(":").length > 1 ? user.split(":")[1] : "").as("group").isNotIn("0", "root");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void startsJavaWithTheShippedFlagsFilesAsTheyAreInTheRepository(Service service) throws IOException {
        ImageLayout image = image(service);
        List<String> entrypoint = new ArrayList<>();
        image.config().path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        assertThat(entrypoint).containsExactly("java", "-Duser.home=/tmp", "@/opt/fni/jvm/service.options", "@/opt/fni/jvm/" + service.id + ".options",
                "-cp", "@/app/jib-classpath-file", "@/app/jib-main-class-file");
        for (String options : List.of("service.options", service.id + ".options")) {
            assertThat(image.file("/opt/fni/jvm/" + options)).as("/opt/fni/jvm/%s is deploy/jvm's", options)
                    .isEqualTo(Files.readAllBytes(Repository.path("deploy/jvm/" + options)));
        }
        String flags = Repository.read("deploy/jvm/service.options");
        assertThat(flags).as("the flags that keep the process inside a container's memory limit")
                .contains("-Xmx", "-XX:MaxMetaspaceSize", "-XX:MaxDirectMemorySize", "-XX:ReservedCodeCacheSize", "-XX:+ExitOnOutOfMemoryError");
        assertThat(new String(image.file("/app/jib-main-class-file"), StandardCharsets.UTF_8).strip())
                .as("the service's own application class").startsWith("com.fniexchange.").endsWith("Application");
        assertThat(image.config().path("Env").toString()).contains("MALLOC_ARENA_MAX=2");
        assertThat(image.config().path("Cmd").isMissingNode() || image.config().path("Cmd").isNull()
                || image.config().path("Cmd").isEmpty()).as("no default arguments to override by accident").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void exposesTheServicesPortAndNoOther(Service service) throws IOException {
        JsonNode ports = image(service).config().path("ExposedPorts");
        List<String> names = new ArrayList<>();
        ports.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly(service.port() + "/tcp");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void keepsDependenciesTheProjectsModulesAndTheServiceInLayersOfTheirOwn(Service service) throws IOException {
        ImageLayout image = image(service);
        assertThat(image.layers()).extracting(ImageLayout.Layer::comment).contains("dependencies", "resources", "classes");
        ImageLayout.Layer dependencies = layer(image, "dependencies");
        // Jib names the modules' layer "project dependencies" in a reactor build, "snapshot dependencies" when built alone
        String platformJar = "app/libs/common-platform-" + Repository.version() + ".jar";
        ImageLayout.Layer modules = image.layers().stream().filter(l -> l.files().containsKey(platformJar)).findFirst()
                .orElseThrow(() -> new AssertionError("no layer holds " + platformJar));
        ImageLayout.Layer classes = layer(image, "classes");
        assertThat(dependencies.files().keySet()).as("third-party libraries only").allMatch(f -> f.startsWith("app/libs/"))
                .noneMatch(f -> f.contains("SNAPSHOT") || f.contains("/common-"));
        assertThat(modules.comment()).isIn("project dependencies", "snapshot dependencies");
        assertThat(modules.files().keySet()).as("the project's common modules, which change with every release, and only them")
                .contains(platformJar, "app/libs/common-model-" + Repository.version() + ".jar")
                .allMatch(f -> f.endsWith("/") || f.startsWith("app/libs/common-"));
        assertThat(classes.files().keySet()).isNotEmpty().allMatch(f -> f.startsWith("app/classes/com/fniexchange/"));
        assertThat(image.layers()).flatExtracting(l -> l.files().keySet()).as("tests and their support stay out")
                .noneMatch(f -> f.contains("common-test") || f.contains("/test-classes/") || f.contains("spring-kafka-test"));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void carriesNoSecretInAnyLayer(Service service) throws IOException {
        ImageLayout image = image(service);
        List<String> found = new ArrayList<>();
        List<String> secrets = composeSecrets();
        for (ImageLayout.Layer layer : image.layers()) {
            for (Map.Entry<String, byte[]> file : layer.files().entrySet()) {
                if (SECRET_FILE.matcher("/" + file.getKey()).matches()) {
                    found.add(file.getKey() + " (a key or secrets file)");
                }
                // third-party jars are Maven Central's; the project's own files and modules are read whole
                boolean own = !layer.comment().equals("dependencies");
                if (own) {
                    scan(file.getKey(), file.getValue(), secrets, found);
                }
            }
        }
        assertThat(found).as("secrets in %s's image", service.id).isEmpty();
        assertThat(image.config().path("Env").toString()).as("no secret in the image's environment")
                .doesNotContainPattern("(?i)(password|secret|accountkey|connection_string)=");
    }

    private static void scan(String name, byte[] content, List<String> secrets, List<String> found) throws IOException {
        if (name.endsWith(".jar")) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (!entry.isDirectory()) {
                        scan(name + "!/" + entry.getName(), zip.readAllBytes(), secrets, found);
                    }
                }
            }
            return;
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (SECRET_TEXT.matcher(text).find()) {
            found.add(name);
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                found.add(name + " (holds a value of deploy/compose/secrets)");
            }
        }
    }

    /** The compose platform's generated secrets, where make-secrets.sh has run: none may be in an image. */
    private static List<String> composeSecrets() throws IOException {
        Path folder = Repository.path("deploy/compose/secrets");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("(db-password|postgres|grafana|dev-jwt).*"))
                    .map(f -> {
                        try {
                            return Files.readString(f).strip();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(s -> s.length() >= 16)
                    .toList();
        }
    }

    private static ImageLayout.Layer layer(ImageLayout image, String comment) {
        return image.layers().stream().filter(l -> l.comment().equals(comment)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + comment + " layer"));
    }

    private static final Map<Service, ImageLayout> IMAGES = new java.util.EnumMap<>(Service.class);

    static synchronized ImageLayout image(Service service) throws IOException {
        ImageLayout cached = IMAGES.get(service);
        if (cached != null) {
            return cached;
        }
        Path tar = service.imageLayout();
        assertThat(tar).as("%s's image; `./mvnw verify` builds it (jib-maven-plugin, execution image-layout)", service.id)
                .exists();
        ImageLayout image = ImageLayout.read(tar);
        IMAGES.put(service, image);
        return image;
    }
}

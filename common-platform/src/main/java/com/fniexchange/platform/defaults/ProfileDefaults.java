package com.fniexchange.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The settings a profile means on every service, shipped once instead of once per service:
 * {@code META-INF/fni/application-<profile>.yml} from every jar on the classpath (common-platform
 * ships {@code local} and {@code eventhubs}, common-test ships {@code test}).
 *
 * <p>They rank below everything the service configures itself (its {@code application.yml} and
 * {@code application-<profile>.yml}, environment, arguments) and above the platform's
 * profile-independent defaults; of two active profiles, the one named later wins, as in Boot.
 */
final class ProfileDefaults {

    static final String LOCATION = "classpath*:META-INF/fni/application-%s.yml";
    static final String SOURCE_PREFIX = "fni-profile-defaults:";

    private ProfileDefaults() {
    }

    /** Adds each active profile's shipped defaults at the end of the environment's sources. */
    static void addTo(ConfigurableEnvironment environment) {
        // a second pass (a child context's environment) replaces, never stacks
        environment.getPropertySources().stream().map(PropertySource::getName)
                .filter(n -> n.startsWith(SOURCE_PREFIX)).toList()
                .forEach(environment.getPropertySources()::remove);
        List<String> profiles = new ArrayList<>(Arrays.asList(environment.getActiveProfiles()));
        // addLast: what is added first ranks higher, so the last-named profile goes first
        Collections.reverse(profiles);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        for (String profile : profiles) {
            String name = SOURCE_PREFIX + profile;
            try {
                for (Resource resource : resolver.getResources(LOCATION.formatted(profile))) {
                    for (PropertySource<?> source : yaml.load(name + " (" + resource.getDescription() + ")", resource)) {
                        environment.getPropertySources().addLast(source);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the platform's defaults of profile " + profile, e);
            }
        }
    }
}

package com.fniexchange.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's test context at the JVM's fresh database and shared broker, and at the
 * test token secret. Use with {@code @ContextConfiguration(initializers = TestInfrastructure.class)}
 * (or a service's meta-annotation) so every integration test of a module shares one context.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** HS256 secret for test tokens only. */
    public static final String JWT_SECRET = "test-only-hs256-secret-0123456789abcdef0123456789";
    public static final String JWT_ISSUER = "fni-exchange-dev";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase db = TestDatabase.get();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", db.url());
        props.put("spring.datasource.username", db.user());
        props.put("spring.datasource.password", db.password());
        props.put("fni.security.jwt.hmac-secret", JWT_SECRET);
        props.put("fni.security.jwt.issuer", JWT_ISSUER);
        if (!context.getEnvironment().containsProperty("spring.cloud.stream.kafka.binder.brokers")) {
            props.put("spring.cloud.stream.kafka.binder.brokers", TestKafka.brokers());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fni-test-infrastructure", props));
    }
}

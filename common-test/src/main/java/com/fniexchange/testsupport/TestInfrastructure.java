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
    public static final String JWT_AUDIENCE = "fni-exchange";
    /** Set to true (e.g. in {@code @TestPropertySource}) to give a context its own fresh database. */
    public static final String ISOLATED_DATABASE = "fni.test.isolated-database";
    /** Set to point a context at a broker of its own instead of the JVM's shared one. */
    public static final String KAFKA_BROKERS = "fni.test.kafka-brokers";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // the HS256 test secret below is accepted only under the local or test profile
        if (!context.getEnvironment().matchesProfiles("test | local")) {
            context.getEnvironment().addActiveProfile("test");
        }
        // a context with a broker (or binder) of its own also gets a database of its own, so
        // its relay never publishes the rows other contexts wrote
        boolean isolated = context.getEnvironment().getProperty(ISOLATED_DATABASE, Boolean.class, false);
        TestDatabase db = isolated ? TestDatabase.isolated() : TestDatabase.get();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", db.url());
        props.put("spring.datasource.username", db.user());
        props.put("spring.datasource.password", db.password());
        // least privilege as in production: a service's connections act as its role
        // (deploy/db/service-roles.sql), so a test fails when the service reaches beyond its schema
        String schema = context.getEnvironment().getProperty("fni.schema");
        if (schema != null && db.hasServiceRole(schema)) {
            props.put("spring.datasource.hikari.connection-init-sql", "SET ROLE " + TestDatabase.serviceRole(schema));
        }
        // a test JVM caches several contexts, each with its pool: open connections on demand and
        // give idle ones back, so the suites stay far below the server's max_connections
        props.put("spring.datasource.hikari.minimum-idle", "1");
        props.put("spring.datasource.hikari.maximum-pool-size", "10");
        props.put("spring.datasource.hikari.idle-timeout", "10000");
        props.put("fni.security.jwt.hmac-secret", JWT_SECRET);
        props.put("fni.security.jwt.issuer", JWT_ISSUER);
        props.put("fni.security.jwt.audience", JWT_AUDIENCE);
        String brokers = context.getEnvironment().getProperty(KAFKA_BROKERS);
        props.put("spring.cloud.stream.kafka.binder.brokers", brokers != null ? brokers : TestKafka.brokers());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fni-test-infrastructure", props));
    }
}

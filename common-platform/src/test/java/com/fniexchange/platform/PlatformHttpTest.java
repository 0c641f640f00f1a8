package com.fniexchange.platform;

import com.fniexchange.platform.idempotency.WidgetProbe;
import com.fniexchange.testsupport.TestInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The platform behind a real HTTP server on a random port, with a small transactional probe
 * API ({@link WidgetProbe}), a 1KB body limit and a database of its own (so its relay never
 * publishes other contexts' rows). Every class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestInfrastructure.class)
@TestPropertySource(properties = {TestInfrastructure.ISOLATED_DATABASE + "=true", "fni.http.max-body-size=1KB"})
@Import(WidgetProbe.class)
public @interface PlatformHttpTest {
}

package com.fniexchange.platform.idempotency;

import com.fniexchange.platform.web.ProblemException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tiny service for the platform's HTTP tests: {@code POST /probe/widgets} creates a widget in a
 * {@code @Transactional} method, as a real service does. After its transaction commits it copies
 * the request's {@code idempotency_key} row into {@code probe_key_at_commit}: the database as a
 * crash right after the commit would leave it.
 */
@TestConfiguration
public class WidgetProbe {

    public static final String PATH = "/probe/widgets";

    /** The tables the probe writes; idempotent, run before each test. */
    public static void createTables(JdbcClient jdbc) {
        jdbc.sql("CREATE TABLE IF NOT EXISTS probe_widget (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE)").update();
        jdbc.sql("CREATE TABLE IF NOT EXISTS probe_key_at_commit (LIKE idempotency_key)").update();
    }

    @Bean
    Widgets widgets(JdbcClient jdbc) {
        return new Widgets(jdbc);
    }

    public record WidgetRequest(String name) {
    }

    public record Widget(long id, String name) {
    }

    public static class Widgets {
        private final JdbcClient jdbc;
        private volatile Runnable beforeReturn = () -> { };

        Widgets(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /** Runs {@code hook} inside the creating transaction, just before it returns (a method: the bean is a proxy). */
        public void beforeReturn(Runnable hook) {
            this.beforeReturn = hook;
        }

        @Transactional
        public Widget create(String name, String idempotencyKey) {
            long id = jdbc.sql("INSERT INTO probe_widget (name) VALUES (:name) RETURNING id").param("name", name)
                    .query(Long.class).single();
            if (idempotencyKey != null) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        // another thread, so another connection: what any other client now sees
                        CompletableFuture.runAsync(() -> jdbc.sql("""
                                INSERT INTO probe_key_at_commit SELECT * FROM idempotency_key WHERE idem_key = :key""")
                                .param("key", idempotencyKey).update()).join();
                    }
                });
            }
            beforeReturn.run();
            return new Widget(id, name);
        }

        /** A second step that refuses, after {@link #create} already wrote. */
        @Transactional
        public void approve(Widget widget) {
            if (widget.name().startsWith("refused")) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "widget-refused", "Widget refused",
                        "widget " + widget.name() + " is refused", Map.of());
            }
        }
    }

    /** Registered as a member of this configuration. */
    @RestController
    public static class WidgetResource {
        private final Widgets widgets;

        WidgetResource(Widgets widgets) {
            this.widgets = widgets;
        }

        @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
        @PreAuthorize("hasRole('DEALER')")
        ResponseEntity<Widget> create(@RequestBody WidgetRequest request,
                                      @RequestHeader(name = IdempotencyKeyFilter.HEADER, required = false) String key) {
            Widget widget = widgets.create(request.name(), key);
            widgets.approve(widget);
            return ResponseEntity.created(URI.create(PATH + "/" + widget.id())).body(widget);
        }
    }
}

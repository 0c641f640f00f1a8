package com.fniexchange.contract;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the service's database round trips per thread: every statement execution (a batch is
 * one) and every commit or rollback. Opening a transaction costs none (the driver sends BEGIN
 * with the first statement). Imported by {@link ContractServiceTest}, so it wraps the
 * DataSource of the one shared context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseRoundTrips {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private static final Map<String, AtomicInteger> BY_THREAD = new ConcurrentHashMap<>();

    /** Forgets every count so far. */
    public static void reset() {
        BY_THREAD.clear();
    }

    /** The round trips made since {@link #reset()} on request-handling threads (Tomcat's {@code http-nio-*}). */
    public static int onRequestThreads() {
        return BY_THREAD.entrySet().stream()
                .filter(e -> e.getKey().startsWith("http-nio-"))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
            }
        };
    }

    private static void count() {
        BY_THREAD.computeIfAbsent(Thread.currentThread().getName(), k -> new AtomicInteger()).incrementAndGet();
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection target) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                    count();
                }
                Object result = invoke(target, method, args);
                return result instanceof Statement statement ? statement(statement) : result;
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }

        private static Object statement(Statement target) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (EXECUTIONS.contains(method.getName())) {
                    count();
                }
                return invoke(target, method, args);
            };
            Class<?> type = target instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                    : target instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
            return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, handler);
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

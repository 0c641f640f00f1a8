package com.fniexchange.platform.consumer;

import com.fniexchange.platform.inbox.Inbox;
import com.fniexchange.platform.inbox.InboxAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consumer pattern: {@link EventConsumers} for services' function beans, dead letters, metrics,
 * and the start-up check that every consumed destination has its dead-letter binding.
 */
@AutoConfiguration(after = {InboxAutoConfiguration.class, TransactionAutoConfiguration.class},
        afterName = {"org.springframework.cloud.stream.function.FunctionConfiguration",
                "org.springframework.cloud.stream.config.BindingServiceConfiguration"})
@ConditionalOnClass(StreamBridge.class)
@ConditionalOnBean(Inbox.class)
@EnableConfigurationProperties(ConsumerProperties.class)
public class EventConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConsumerMetrics consumerMetrics(MeterRegistry registry) {
        return new ConsumerMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(StreamBridge streamBridge, Environment environment, ObjectProvider<Clock> clock) {
        // the same partition key header the outbox relay uses (set per binder by PlatformDefaults)
        String keyHeader = environment.getProperty("fni.outbox.partition-key-header", "kafka_messageKey");
        return new DeadLetters(streamBridge, keyHeader, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    EventConsumers eventConsumers(Inbox inbox, PlatformTransactionManager txManager, DeadLetters deadLetters,
                                  ConsumerMetrics metrics, ConsumerProperties properties,
                                  BindingServiceProperties bindings) {
        return new EventConsumers(inbox, new TransactionTemplate(txManager), deadLetters, metrics, properties,
                bindings::getBindingDestination);
    }

    @Bean
    DeadLetterBindingCheck deadLetterBindingCheck(ListableBeanFactory beans, BindingServiceProperties bindings,
                                                  Environment environment) {
        return new DeadLetterBindingCheck(() -> beans.getBeansOfType(EventConsumer.class), bindings::getBindingDestination,
                bindings.getOutputBindings(), environment.getProperty("spring.cloud.function.definition"));
    }
}

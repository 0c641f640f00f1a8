package com.fniexchange.platform.stream;

import com.fniexchange.model.event.CloudEventHeaders;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;

/**
 * What partners see on Kafka: the CloudEvents headers as UTF-8 strings, nothing framework-internal
 * (plus, on dead letters, the platform's {@code x-fni-*} failure headers).
 */
@AutoConfiguration
@ConditionalOnClass(SimpleKafkaHeaderMapper.class)
public class StreamAutoConfiguration {

    /** The bean name the Kafka binder is pointed at (see PlatformDefaults). */
    public static final String KAFKA_HEADER_MAPPER = "fniKafkaHeaderMapper";

    @Bean(KAFKA_HEADER_MAPPER)
    KafkaHeaderMapper fniKafkaHeaderMapper() {
        // outbound: only the envelope (and a dead letter's failure); no spring_json_header_types, no contentType duplicates
        SimpleKafkaHeaderMapper mapper = new SimpleKafkaHeaderMapper("ce_*", CloudEventHeaders.TRACEPARENT,
                CloudEventHeaders.CONTENT_TYPE, "x-fni-*");
        mapper.setMapAllStringsOut(true);
        return mapper;
    }
}

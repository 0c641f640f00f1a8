package com.fniexchange.platform.calendar;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * What every service has, web or not (an API, a consumer, a batch job): the clock and the
 * business calendar. A service or a test may replace either with its own bean.
 */
@AutoConfiguration
@EnableConfigurationProperties(BusinessZoneProperties.class)
public class BusinessCalendarAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    BusinessCalendar businessCalendar(Clock clock, BusinessZoneProperties properties) {
        return new BusinessCalendar(clock, properties.businessZone());
    }
}

package com.fniexchange.platform;

import com.fniexchange.platform.validation.BusinessCalendar;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What every service has, web or not (an API, a consumer, a batch job): the clock and the
 * business calendar. A service or a test may replace either with its own bean.
 */
@AutoConfiguration
public class PlatformCoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    BusinessCalendar businessCalendar(Clock clock, Environment environment) {
        return new BusinessCalendar(clock, ZoneId.of(environment.getProperty("fni.business-zone", "America/New_York")));
    }
}

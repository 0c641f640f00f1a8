package com.fniexchange.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.platform.calendar.BusinessCalendarAutoConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The web conventions every service shares: problem+json errors, correlation ids, the request
 * body limit, the {@link com.fniexchange.platform.security.Caller} parameter, and the OpenAPI
 * parts all operations have in common.
 */
@AutoConfiguration(after = {JacksonAutoConfiguration.class, BusinessCalendarAutoConfiguration.class},
        beforeName = "org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({WebProperties.class, ApiProperties.class})
public class PlatformWebAutoConfiguration {

    /** REST input: no NUL in text (PostgreSQL refuses it at the insert, as a 500). */
    @Bean
    org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer textWithoutNul() {
        return builder -> builder.modulesToInstall(modules -> modules.add(TextWithoutNul.module()));
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(ObjectMapper json) {
        return new ProblemResponses(json);
    }

    /** Replaces Spring Boot's BasicErrorController (it backs off when an ErrorController exists). */
    @Bean
    @ConditionalOnMissingBean(org.springframework.boot.web.servlet.error.ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    FilterRegistrationBean<RequestCorrelation> requestCorrelation() {
        FilterRegistrationBean<RequestCorrelation> registration = new FilterRegistrationBean<>(new RequestCorrelation());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(WebProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(properties.maxBodySize(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyBuffer> requestBodyBuffer(FilterRegistrationBean<RequestBodyLimit> requestBodyLimit) {
        FilterRegistrationBean<RequestBodyBuffer> registration =
                new FilterRegistrationBean<>(new RequestBodyBuffer(requestBodyLimit.getFilter()));
        registration.setOrder(RequestBodyBuffer.ORDER);
        return registration;
    }

    /** The document's info, server and bearer scheme; a service may declare its own {@link OpenAPI} bean instead. */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI platformOpenApiBase(ApiProperties properties, Environment environment) {
        return PlatformOpenApi.base(properties, environment.getProperty("spring.application.name", "fni-exchange"));
    }

    @Bean
    NullableReferences nullableReferences() {
        return new NullableReferences();
    }

    @Bean
    AlwaysPresentProperties alwaysPresentProperties() {
        return new AlwaysPresentProperties();
    }

    @Bean
    PlatformOpenApi platformOpenApi(ObjectProvider<ProblemMember> members, ObjectProvider<ProblemMembers> catalogs) {
        return new PlatformOpenApi(java.util.stream.Stream.concat(members.orderedStream(),
                catalogs.orderedStream().flatMap(c -> c.members().stream())).toList());
    }

    /** Tomcat's own error answers (before Spring sees the request) as problem+json too. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrorReports {
        @Bean
        org.springframework.boot.web.server.WebServerFactoryCustomizer<
                org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}

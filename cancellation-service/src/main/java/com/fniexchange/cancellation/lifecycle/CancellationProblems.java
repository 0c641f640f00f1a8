package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.platform.web.ProblemMember;
import com.fniexchange.platform.web.ProblemMembers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The problem members cancellations add, so the OpenAPI Problem schema lists them. */
@Configuration(proxyBeanMethods = false)
class CancellationProblems {

    @Bean
    ProblemMembers cancellationProblemMembers() {
        return ProblemMembers.of(
                ProblemMember.text("contractStatus", "The contract's status, which is not ACTIVE (type `contract-not-active`)", "VOIDED"),
                ProblemMember.text("openCancellationId", "uuid", "The contract's open cancellation (type `cancellation-already-open`)", "3b8e1f64-9c2d-4a7e-b5f0-6d1c8a4e2f97"),
                ProblemMember.text("expiredAt", "date-time", "When the refund quote expired (type `quote-expired`)", "2026-11-27T06:25:45Z"));
    }
}

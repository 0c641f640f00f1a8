package com.fniexchange.contract.lifecycle;

import com.fniexchange.platform.web.ProblemMember;
import java.math.BigDecimal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The problem members contract submission and void add, so the OpenAPI Problem schema lists them. */
@Configuration(proxyBeanMethods = false)
class ContractProblems {

    @Bean
    ProblemMember existingContractNumber() {
        return ProblemMember.text("existingContractNumber",
                "The live contract that holds the deal number and product (type `duplicate-contract`)", "VSC3A004352");
    }

    @Bean
    ProblemMember expiredAt() {
        return ProblemMember.text("expiredAt", "date-time", "When the quote expired (type `quote-expired`)", "2026-11-27T06:25:45Z");
    }

    @Bean
    ProblemMember voidWindowEnded() {
        return ProblemMember.text("voidWindowEnded", "date", "The last day the contract could be voided (type `void-window-closed`)",
                "2026-12-20");
    }

    @Bean
    ProblemMember claimCount() {
        return ProblemMember.decimal("claimCount", "How many claims were filed on the contract (type `contract-has-claims`)",
                java.math.BigDecimal.ONE);
    }

    @Bean
    ProblemMember state() {
        return ProblemMember.text("state", "The customer's state whose retail rule applies (type `retail-price-locked`)", "FL");
    }

    @Bean
    ProblemMember rule() {
        return ProblemMember.text("rule", "The state's retail rule (type `retail-price-locked`)", "RETAIL_EQUALS_SUGGESTED");
    }

    @Bean
    ProblemMember suggestedRetail() {
        return ProblemMember.decimal("suggestedRetail", "The plan's suggested retail price (type `retail-price-locked`)",
                new BigDecimal("2195.00"));
    }
}

package com.fniexchange.contract.lifecycle;

import com.fniexchange.platform.web.ProblemMember;
import com.fniexchange.platform.web.ProblemMembers;
import java.math.BigDecimal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The problem members contract submission and void add, so the OpenAPI Problem schema lists them. */
@Configuration(proxyBeanMethods = false)
class ContractProblems {

    @Bean
    ProblemMembers contractProblemMembers() {
        return ProblemMembers.of(
                ProblemMember.text("existingContractNumber", "The live contract that holds the deal number and product (type `duplicate-contract`)", "VSC3A004352"),
                ProblemMember.text("expiredAt", "date-time", "When the quote expired (type `quote-expired`)", "2026-11-27T06:25:45Z"),
                ProblemMember.text("voidWindowEnded", "date", "The last day the contract could be voided (type `void-window-closed`)", "2026-12-20"),
                ProblemMember.decimal("claimCount", "How many claims were filed on the contract (type `contract-has-claims`)", BigDecimal.ONE),
                ProblemMember.text("state", "The customer's state whose retail rule applies (type `retail-price-locked`)", "FL"),
                ProblemMember.text("rule", "The state's retail rule (type `retail-price-locked`)", "RETAIL_EQUALS_SUGGESTED"),
                ProblemMember.decimal("suggestedRetail", "The plan's suggested retail price (type `retail-price-locked`)", new BigDecimal("2195.00")));
    }
}

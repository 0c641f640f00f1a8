package com.fniexchange.platform.web;

import java.util.List;

/**
 * The problem extension members one service documents, declared as one bean: the OpenAPI
 * document's Problem schema lists them with the platform's own (a {@link ProblemMember} bean
 * adds one more the same way).
 *
 * <pre>{@code
 * @Bean
 * ProblemMembers claimProblems() {
 *     return ProblemMembers.of(
 *             ProblemMember.decimal("limitOfLiability", "The contract's limit of liability", new BigDecimal("15000.00")),
 *             ProblemMember.text("contractNumbers", "The contracts on the vehicle", "VSC3A004352, TW3A004352"));
 * }
 * }</pre>
 */
public record ProblemMembers(List<ProblemMember> members) {

    public ProblemMembers {
        members = List.copyOf(members);
    }

    public static ProblemMembers of(ProblemMember... members) {
        return new ProblemMembers(List.of(members));
    }
}

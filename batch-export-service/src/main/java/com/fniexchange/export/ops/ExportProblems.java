package com.fniexchange.export.ops;

import com.fniexchange.platform.web.ProblemMember;
import com.fniexchange.platform.web.ProblemMembers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The problem members the ops API adds, so the OpenAPI Problem schema lists them. */
@Configuration(proxyBeanMethods = false)
class ExportProblems {

    @Bean
    ProblemMembers exportProblemMembers() {
        return ProblemMembers.of(
                ProblemMember.integer("executionId", "The execution that holds this export (type `export-exists`)", 1042),
                ProblemMember.text("executionStatus", "That execution's status: COMPLETED, STARTED, FAILED... (type `export-exists`)",
                        "COMPLETED"),
                ProblemMember.integer("latestExecutionId", "The export's latest execution, the one to restart (type `export-superseded`)",
                        1043));
    }
}

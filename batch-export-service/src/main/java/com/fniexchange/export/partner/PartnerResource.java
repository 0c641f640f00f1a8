package com.fniexchange.export.partner;

import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/exports/partners", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partners", description = "The partner registry: entitlement, registers, layout, channels and schedule")
class PartnerResource {

    private final PartnerRepository partners;
    private final PartnerOnboarding registry;

    PartnerResource(PartnerRepository partners, PartnerOnboarding registry) {
        this.partners = partners;
        this.registry = registry;
    }

    @GetMapping
    @PreAuthorize("hasRole('OPS')")
    @Operation(operationId = "listPartners", summary = "Every partner, active or not",
            description = "The partner registry by partner id: entitlement, registers, layout, channels and schedule.")
    @ApiResponse(responseCode = "200", description = "The partners, by id")
    List<Partner> list() {
        return partners.all();
    }

    @GetMapping("/{partnerId}")
    @PreAuthorize("hasRole('OPS')")
    @Operation(operationId = "getPartner", summary = "One partner's settings",
            description = "Private keys and account credentials are never part of a partner: only their configured names.")
    @ApiResponse(responseCode = "200", description = "The partner")
    @ApiResponse(responseCode = "404", description = "No such partner (type `not-found`)")
    Partner get(@PathVariable String partnerId) {
        return partners.find(partnerId).orElseThrow(() -> new ProblemException.NotFound("partner", partnerId));
    }

    @PutMapping(path = "/{partnerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OPS')")
    @Operation(operationId = "putPartner", summary = "Create or replace a partner",
            description = "Every setting is checked: cron, time zone, host key, PGP key, configured identity and account, "
                    + "available registers. Its schedule follows at once.")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "A setting is invalid; `errors` names each field (type `validation`)")
    ResponseEntity<Partner> put(@PathVariable String partnerId, @Valid @RequestBody PartnerSettings settings, Caller caller) {
        boolean created = registry.save(partnerId, settings, caller.actor());
        Partner saved = partners.find(partnerId).orElseThrow();
        return created ? ResponseEntity.status(201).body(saved) : ResponseEntity.ok(saved);
    }
}

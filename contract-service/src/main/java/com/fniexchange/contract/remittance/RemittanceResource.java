package com.fniexchange.contract.remittance;

import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/remittances", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Remittances", description = "Dealers remit the dealer cost of their contracts to the provider")
class RemittanceResource {

    private final RemittanceIntake remittances;

    RemittanceResource(RemittanceIntake remittances) {
        this.remittances = remittances;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('DEALER')")
    @Operation(operationId = "createRemittance", summary = "Remit the dealer cost of a batch of contracts",
            description = "All or nothing: every contract must be the dealer's, ACTIVE and not remitted before.")
    @ApiResponse(responseCode = "201", description = "Remittance recorded, with totals")
    @ApiResponse(responseCode = "422", description = "A contract is not the dealer's, not ACTIVE or already remitted; `errors` names "
            + "each one and nothing was recorded (type `remittance-refused`)")
    ResponseEntity<RemittanceBatch> remit(@Valid @RequestBody RemittanceRequest request, Caller caller) {
        RemittanceBatch batch = remittances.remit(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/remittances/" + batch.remittanceId())).body(batch);
    }

    @GetMapping("/{remittanceId}")
    @PreAuthorize("hasAnyRole('DEALER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "getRemittance", summary = "A remittance with its contracts",
            description = "Dealers see only their own remittances; another dealer's id answers 404.")
    @ApiResponse(responseCode = "200", description = "The remittance")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID (type `validation`)")
    @ApiResponse(responseCode = "404", description = "No such remittance, or another dealer's (type `not-found`)")
    RemittanceBatch get(@PathVariable UUID remittanceId, Caller caller) {
        return remittances.find(remittanceId, caller)
                .orElseThrow(() -> new ProblemException.NotFound("remittance", remittanceId.toString()));
    }
}

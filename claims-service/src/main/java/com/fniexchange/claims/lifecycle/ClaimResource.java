package com.fniexchange.claims.lifecycle;

import com.fniexchange.claims.coverage.CoverageFacts;
import com.fniexchange.claims.coverage.CoverageRepository;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.Vin;
import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.paging.KeysetPage;
import com.fniexchange.platform.paging.PageCursor;
import com.fniexchange.platform.web.RequestValue;
import com.fniexchange.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping(path = "/api/v1/claims", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Claims", description = "The claim lifecycle: open, estimate, authorise or deny, invoice, pay, close")
class ClaimResource {

    private static final String TRANSITION = "The claim's status does not allow this; `currentStatus` and `allowedActions` "
            + "say where it is and what it allows (type `invalid-state-transition`)";
    private static final String NOT_FOUND = "No such claim, or another facility's (type `not-found`)";

    private final ClaimLifecycle lifecycle;
    private final ClaimRepository claims;
    private final CoverageRepository coverages;

    ClaimResource(ClaimLifecycle lifecycle, ClaimRepository claims, CoverageRepository coverages) {
        this.lifecycle = lifecycle;
        this.claims = claims;
        this.coverages = coverages;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('DEALER')")
    @Operation(operationId = "openClaim", summary = "Open a claim (repair facility)",
            description = "A dealer's service department opens a claim on any contract, wherever it was sold, by contract number "
                    + "or VIN. The contract must be active on the repair date, the repair within the term's months and miles, "
                    + "and past the waiting period after the sale.")
    @ApiResponse(responseCode = "201", description = "Claim OPEN")
    @ApiResponse(responseCode = "404", description = "No such contract, or none on the vehicle (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The facility already has a claim on this repair order; `existingClaimId` "
            + "names it (type `duplicate-claim`)")
    @ApiResponse(responseCode = "422", description = "A coverage rule refuses the repair, with its numbers: not active on the "
            + "repair date (`contract-not-active`), outside the term (`outside-term`), inside the waiting period "
            + "(`waiting-period`), or the contract can still be voided, and for a day after (`contract-still-voidable`: "
            + "`claimsAcceptedFrom` says when); or the VIN has several contracts (`contract-ambiguous`)")
    ResponseEntity<Claim> open(@Valid @RequestBody ClaimRequests.OpenClaim request, Caller caller) {
        Claim claim = lifecycle.open(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/claims/" + claim.claimId())).body(claim);
    }

    @GetMapping("/{claimId}")
    @PreAuthorize("hasAnyRole('DEALER', 'CLAIMS_ADJUSTER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "getClaim", summary = "A claim with its history",
            description = "A facility sees its own claims only; adjusters and administrators see all.")
    @ApiResponse(responseCode = "200", description = "The claim")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    Claim get(@PathVariable UUID claimId, Caller caller) {
        return claims.find(claimId, caller.dealerScope()).orElseThrow(() -> new ProblemException.NotFound("claim", claimId.toString()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DEALER', 'CLAIMS_ADJUSTER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "listClaims", summary = "Claims, oldest first, keyset-paginated; the adjuster's work queue",
            description = "`status=ESTIMATE_SUBMITTED&needsAdjuster=true` is the adjuster's queue. A facility sees its own claims. "
                    + "Follow nextCursor to page.")
    @ApiResponse(responseCode = "200", description = "A page of claims")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid (status, needsAdjuster, limit or cursor) (type `validation`)")
    ClaimPage list(@RequestParam(required = false) ClaimStatus status,
                   @RequestParam(required = false) Boolean needsAdjuster,
                   @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                   @RequestParam(required = false) String cursor,
                   Caller caller) {
        String facility = caller.dealerScope().map(d -> d.value()).orElse(null);
        KeysetPage<Claim> page = claims.page(facility, status, needsAdjuster, PageCursor.decode(cursor), limit);
        return new ClaimPage(page.items(), page.nextCursor());
    }

    @GetMapping("/coverage")
    @PreAuthorize("hasAnyRole('DEALER', 'CLAIMS_ADJUSTER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "findCoverage", summary = "The coverage facts of a contract, by number or VIN",
            description = "What a facility checks at the counter before opening a claim. Any facility may see these facts of any "
                    + "contract; never its price, dealer cost or customer.")
    @ApiResponse(responseCode = "200", description = "The contracts found (one for a contract number; all on a VIN)")
    @ApiResponse(responseCode = "400", description = "Neither or a malformed contractNumber or vin (type `validation`)")
    @ApiResponse(responseCode = "404", description = "No such contract, or none on the vehicle (type `not-found`)")
    List<CoverageFacts> coverage(@Parameter(example = "VSC3A004352") @RequestParam(required = false) String contractNumber,
                                 @Parameter(example = "1HGCM82633A004352") @RequestParam(required = false) String vin) {
        List<CoverageFacts> found;
        if (contractNumber != null && !contractNumber.isBlank()) {
            // its shape is checked before the look-up: a NUL or other stray text never reaches SQL
            ContractNumber number = RequestValue.of("contractNumber", contractNumber, ContractNumber::of);
            found = coverages.find(number.value()).map(CoverageFacts::of).stream().toList();
        } else if (vin != null && !vin.isBlank()) {
            found = coverages.onVehicle(RequestValue.of("vin", vin, Vin::of)).stream().map(CoverageFacts::of).toList();
        } else {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("contractNumber", "give the contract number or the vin")));
        }
        if (found.isEmpty()) {
            throw new ProblemException.NotFound("contract", contractNumber != null && !contractNumber.isBlank() ? contractNumber : vin);
        }
        return found;
    }

    @PostMapping(path = "/{claimId}/estimate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('DEALER')")
    @Operation(operationId = "submitEstimate", summary = "Submit the estimate (repair facility)",
            description = "Totals the lines once (parts + labour + sublet + rental + towing, rounded half-up to the cent, less the "
                    + "deductible). At or under the threshold on a covered contract with limit left, the claim is AUTHORIZED at "
                    + "once and `authorization` carries the number; otherwise it waits for an adjuster (`needsAdjuster`, "
                    + "`adjusterReason`).")
    @ApiResponse(responseCode = "200", description = "Claim ESTIMATE_SUBMITTED, or AUTHORIZED when auto-authorised")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = TRANSITION)
    Claim estimate(@PathVariable UUID claimId, @Valid @RequestBody ClaimRequests.Lines request, Caller caller) {
        return lifecycle.estimate(claimId, request, caller);
    }

    @PostMapping(path = "/{claimId}/inspection")
    @PreAuthorize("hasRole('CLAIMS_ADJUSTER')")
    @Operation(operationId = "requestInspection", summary = "Send the claim to inspection (adjuster)",
            description = "The claim waits for the vehicle to be inspected before the adjuster decides; the optional reason says why.")
    @ApiResponse(responseCode = "200", description = "Claim INSPECTION")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = TRANSITION)
    Claim inspect(@PathVariable UUID claimId, @Valid @RequestBody(required = false) ClaimRequests.Close note, Caller caller) {
        return lifecycle.inspect(claimId, note == null ? null : note.reason(), caller);
    }

    @PostMapping(path = "/{claimId}/authorize")
    @PreAuthorize("hasRole('CLAIMS_ADJUSTER')")
    @Operation(operationId = "authorizeClaim", summary = "Authorise the repair (adjuster)",
            description = "Re-checks coverage, then authorises the estimate total or a lower amount, within what is left of the "
                    + "contract's limit of liability, and issues the authorisation number.")
    @ApiResponse(responseCode = "200", description = "Claim AUTHORIZED")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = TRANSITION)
    @ApiResponse(responseCode = "422", description = "A coverage rule refuses it (`contract-not-active`, `outside-term`, "
            + "`waiting-period`), the amount is above the estimate (`exceeds-estimate`) or the limit left "
            + "(`limit-of-liability-exceeded`, `limit-of-liability-unknown`)")
    Claim authorize(@PathVariable UUID claimId, @Valid @RequestBody(required = false) ClaimRequests.Authorize request, Caller caller) {
        return lifecycle.authorize(claimId, request, caller);
    }

    @PostMapping(path = "/{claimId}/deny", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CLAIMS_ADJUSTER')")
    @Operation(operationId = "denyClaim", summary = "Deny the claim with a reason (adjuster)",
            description = "The reason is what the claims register records; the facility may appeal.")
    @ApiResponse(responseCode = "200", description = "Claim DENIED")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = TRANSITION)
    Claim deny(@PathVariable UUID claimId, @Valid @RequestBody ClaimRequests.Reason reason, Caller caller) {
        return lifecycle.deny(claimId, reason.reason(), caller);
    }

    @PostMapping(path = "/{claimId}/appeal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('DEALER')")
    @Operation(operationId = "appealClaim", summary = "Appeal a denial (repair facility)",
            description = "The claim goes back to the adjuster's queue as APPEALED.")
    @ApiResponse(responseCode = "200", description = "Claim APPEALED")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = TRANSITION)
    Claim appeal(@PathVariable UUID claimId, @Valid @RequestBody ClaimRequests.Reason reason, Caller caller) {
        return lifecycle.appeal(claimId, reason.reason(), caller);
    }

    @PostMapping(path = "/{claimId}/invoice", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('DEALER')")
    @Operation(operationId = "invoiceClaim", summary = "Invoice the repair with the actual lines (repair facility)",
            description = "Totalled like the estimate (rounded once, deductible once). The payment is at most the invoice total "
                    + "and the authorised amount.")
    @ApiResponse(responseCode = "200", description = "Claim INVOICED")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = TRANSITION)
    Claim invoice(@PathVariable UUID claimId, @Valid @RequestBody ClaimRequests.Lines request, Caller caller) {
        return lifecycle.invoice(claimId, request, caller);
    }

    @PostMapping(path = "/{claimId}/pay")
    @PreAuthorize("hasAnyRole('CLAIMS_ADJUSTER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "payClaim", summary = "Pay the claim",
            description = "Pays the given amount, or the invoice total capped at the authorised amount; never more than the "
                    + "authorised amount, the invoice total or what is left of the contract's limit of liability.")
    @ApiResponse(responseCode = "200", description = "Claim PAID")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = TRANSITION)
    @ApiResponse(responseCode = "422", description = "Above the authorised amount (`exceeds-authorized-amount`), the invoice "
            + "(`exceeds-invoiced-amount`) or the limit left (`limit-of-liability-exceeded`, `limit-of-liability-unknown`)")
    Claim pay(@PathVariable UUID claimId, @Valid @RequestBody(required = false) ClaimRequests.Pay request, Caller caller) {
        return lifecycle.pay(claimId, request, caller);
    }

    @PostMapping(path = "/{claimId}/close")
    @PreAuthorize("hasAnyRole('CLAIMS_ADJUSTER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "closeClaim", summary = "Close the claim",
            description = "A PAID claim closes PAID, a DENIED one DENIED; an OPEN one is withdrawn (a reason is required).")
    @ApiResponse(responseCode = "200", description = "Claim CLOSED")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = TRANSITION)
    Claim close(@PathVariable UUID claimId, @Valid @RequestBody(required = false) ClaimRequests.Close request, Caller caller) {
        return lifecycle.close(claimId, request, caller);
    }
}

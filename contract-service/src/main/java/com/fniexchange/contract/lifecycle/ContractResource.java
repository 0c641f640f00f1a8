package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.model.DealerCode;
import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.paging.KeysetPage;
import com.fniexchange.platform.paging.PageCursor;
import com.fniexchange.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/contracts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contracts", description = "Submission, review, void and lookup of contracts")
class ContractResource {

    private final ContractIntake intake;
    private final ContractLifecycle lifecycle;
    private final ContractRepository contracts;

    ContractResource(ContractIntake intake, ContractLifecycle lifecycle, ContractRepository contracts) {
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.contracts = contracts;
    }

    /** Body of reject and void. */
    record Reason(@io.swagger.v3.oas.annotations.media.Schema(example = "deal unwound before funding")
                  @NotBlank @Size(max = 500) String reason) {
    }

    /** Optional body of approve. */
    record ApprovalNote(@Size(max = 500) String note) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('DEALER')")
    @Operation(operationId = "submitContract", summary = "Submit a contract on a quote",
            description = "Checks the quote (not expired, plan offered), the sale window, state retail price rules and the "
                    + "natural key (dealer + deal number + product), then issues the contract ACTIVE or PENDING_REVIEW.")
    @ApiResponse(responseCode = "201", description = "Contract issued")
    @ApiResponse(responseCode = "404", description = "No such quote, or another dealer's (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The dealer already has a contract on this deal number and product; "
            + "`existingContractNumber` names it (type `duplicate-contract`)")
    @ApiResponse(responseCode = "422", description = "The quote expired (`quote-expired`), the plan was not quoted (`plan-not-quoted`), "
            + "the sale left the window (`sale-date-outside-window`) or the state's retail rule refuses the price (`retail-price-locked`)")
    ResponseEntity<Contract> submit(@Valid @RequestBody ContractSubmission submission, Caller caller) {
        Contract contract = intake.submit(submission, caller);
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.contractNumber().value())).body(contract);
    }

    @GetMapping("/{contractNumber}")
    @PreAuthorize("hasAnyRole('DEALER', 'PROVIDER_ADMIN', 'CLAIMS_ADJUSTER')")
    @Operation(operationId = "getContract", summary = "A contract with its status history",
            description = "Dealers see only their own contracts; another dealer's number answers 404.")
    @ApiResponse(responseCode = "200", description = "The contract")
    @ApiResponse(responseCode = "404", description = "No such contract, or another dealer's (type `not-found`)")
    Contract get(@PathVariable String contractNumber, Caller caller) {
        String number = contractNumber.toUpperCase(Locale.ROOT);
        return contracts.find(number, caller.dealerScope())
                .orElseThrow(() -> new ProblemException.NotFound("contract", number));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DEALER', 'PROVIDER_ADMIN', 'CLAIMS_ADJUSTER')")
    @Operation(operationId = "listContracts", summary = "Contracts, oldest update first, keyset-paginated",
            description = "Dealers see their own; provider roles may filter by dealerCode. Follow nextCursor to page.")
    @ApiResponse(responseCode = "200", description = "A page of contracts")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid (status, updatedSince, dealerCode, limit or cursor), "
            + "or a dealer named another dealer (type `validation`)")
    ContractPage list(@RequestParam(required = false) ContractStatus status,
                      @Parameter(example = "2026-11-01T00:00:00Z") @RequestParam(required = false) Instant updatedSince,
                      @RequestParam(required = false) String dealerCode,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                      @RequestParam(required = false) String cursor,
                      Caller caller) {
        String dealer = caller.listScope(dealerCode, "contracts").map(DealerCode::value).orElse(null);
        KeysetPage<ContractSummary> page = contracts.page(dealer, status, updatedSince, PageCursor.decode(cursor), limit);
        return new ContractPage(page.items(), page.nextCursor());
    }


    @PostMapping(path = "/{contractNumber}/approve")
    @PreAuthorize("hasRole('PROVIDER_ADMIN')")
    @Operation(operationId = "approveContract", summary = "Approve a contract pending review (provider admin)",
            description = "Makes a PENDING_REVIEW contract ACTIVE, with an optional note in its history, and publishes "
                    + "contract.activated.v1.")
    @ApiResponse(responseCode = "200", description = "Contract ACTIVE")
    @ApiResponse(responseCode = "404", description = "No such contract (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The contract is not PENDING_REVIEW (type `invalid-state-transition`)")
    Contract approve(@PathVariable String contractNumber, @Valid @RequestBody(required = false) ApprovalNote note, Caller caller) {
        return lifecycle.approve(contractNumber.toUpperCase(Locale.ROOT), note == null ? null : note.note(), caller);
    }

    @PostMapping(path = "/{contractNumber}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('PROVIDER_ADMIN')")
    @Operation(operationId = "rejectContract", summary = "Reject a contract pending review (provider admin)",
            description = "Makes a PENDING_REVIEW contract REJECTED with the reason, frees its deal number, and publishes "
                    + "contract.rejected.v1.")
    @ApiResponse(responseCode = "200", description = "Contract REJECTED")
    @ApiResponse(responseCode = "404", description = "No such contract (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The contract is not PENDING_REVIEW (type `invalid-state-transition`)")
    Contract reject(@PathVariable String contractNumber, @Valid @RequestBody Reason reason, Caller caller) {
        return lifecycle.reject(contractNumber.toUpperCase(Locale.ROOT), reason.reason(), caller);
    }

    @PostMapping(path = "/{contractNumber}/void", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('DEALER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "voidContract", summary = "Void a contract inside its void window",
            description = "Allowed while ACTIVE or PENDING_REVIEW, until the contract's `voidableUntil` (its sale date plus the void "
                    + "window, fixed when it was issued), and with no claims. claims-service opens no claim until two days after "
                    + "`voidableUntil`, so a void and a claim are accepted on different days.")
    @ApiResponse(responseCode = "200", description = "Contract VOIDED")
    @ApiResponse(responseCode = "404", description = "No such contract, or another dealer's (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The contract is neither ACTIVE nor PENDING_REVIEW (`invalid-state-transition`), "
            + "or a claim was filed on it; `claimCount` says how many (`contract-has-claims`)")
    @ApiResponse(responseCode = "422", description = "The void window has closed (type `void-window-closed`)")
    Contract voidContract(@PathVariable String contractNumber, @Valid @RequestBody Reason reason, Caller caller) {
        return lifecycle.voidContract(contractNumber.toUpperCase(Locale.ROOT), reason.reason(), caller);
    }
}

package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.paging.KeysetPage;
import com.fniexchange.platform.paging.PageCursor;
import com.fniexchange.platform.web.RequestValue;
import com.fniexchange.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
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
@RequestMapping(path = "/api/v1/cancellations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cancellations", description = "Refund quotes, cancellation requests, approvals and refund payments")
class CancellationResource {

    private final CancellationLifecycle cancellations;
    private final CancellationRepository repository;

    CancellationResource(CancellationLifecycle cancellations, CancellationRepository repository) {
        this.cancellations = cancellations;
        this.repository = repository;
    }

    @PostMapping(path = "/quotes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('DEALER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "quoteCancellation", summary = "Quote the refund for cancelling a contract",
            description = "Applies the refund rule of the customer's state and the product (free look, method, fee, claims deduction, "
                    + "due date) to an ACTIVE contract and returns every component with the rule, valid for a set time "
                    + "(`validUntil`). Publishes cancellation.quoted.v1. Nothing is cancelled yet.")
    @ApiResponse(responseCode = "201", description = "Refund quoted")
    @ApiResponse(responseCode = "404", description = "No such contract, or another dealer's (type `not-found`)")
    @ApiResponse(responseCode = "422", description = "The contract is not ACTIVE; `contractStatus` says what it is (type `contract-not-active`)")
    ResponseEntity<RefundQuote> quote(@Valid @RequestBody QuoteRequest request, Caller caller) {
        RefundQuote quote = cancellations.quote(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/cancellations/quotes/" + quote.quoteId())).body(quote);
    }

    @GetMapping("/quotes/{quoteId}")
    @PreAuthorize("hasAnyRole('DEALER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "getCancellationQuote", summary = "A refund quote",
            description = "Dealers see only quotes on their own contracts; another dealer's answers 404.")
    @ApiResponse(responseCode = "200", description = "The quote")
    @ApiResponse(responseCode = "400", description = "quoteId is not a UUID (type `validation`)")
    @ApiResponse(responseCode = "404", description = "No such quote, or another dealer's (type `not-found`)")
    RefundQuote getQuote(@PathVariable UUID quoteId, Caller caller) {
        return repository.findQuote(quoteId, caller.dealerScope())
                .orElseThrow(() -> new ProblemException.NotFound("refund quote", quoteId.toString()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('DEALER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "requestCancellation", summary = "Request a cancellation on a refund quote",
            description = "Creates a REQUESTED cancellation from a quote that has not expired, for the reason it was quoted for, while "
                    + "the contract is ACTIVE, has no other open cancellation and no claim was paid since the quote. "
                    + "Publishes cancellation.requested.v1; the contract stays active until the provider approves.")
    @ApiResponse(responseCode = "201", description = "Cancellation REQUESTED")
    @ApiResponse(responseCode = "404", description = "No such quote, or another dealer's (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The contract already has an open cancellation, named by `openCancellationId` "
            + "(type `cancellation-already-open`), or the quote was already used (type `quote-already-used`)")
    @ApiResponse(responseCode = "422", description = "The quote expired (`quote-expired`), the reason differs from the quote's "
            + "(`reason-differs-from-quote`), a claim was paid since the quote (`quote-outdated`) or the contract is not ACTIVE "
            + "(`contract-not-active`)")
    ResponseEntity<Cancellation> request(@Valid @RequestBody CancellationRequest request, Caller caller) {
        Cancellation cancellation = cancellations.request(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/cancellations/" + cancellation.cancellationId())).body(cancellation);
    }

    @PostMapping(path = "/{cancellationId}/approve")
    @PreAuthorize("hasRole('PROVIDER_ADMIN')")
    @Operation(operationId = "approveCancellation", summary = "Approve a requested cancellation (provider admin)",
            description = "Makes a REQUESTED cancellation APPROVED and publishes cancellation.approved.v1: contract-service then marks "
                    + "the contract CANCELLED as of the cancel date, and the refund falls due on `refundDueDate`.")
    @ApiResponse(responseCode = "200", description = "Cancellation APPROVED")
    @ApiResponse(responseCode = "404", description = "No such cancellation (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The cancellation is not REQUESTED (type `invalid-state-transition`)")
    @ApiResponse(responseCode = "422", description = "The contract is no longer ACTIVE (type `contract-not-active`)")
    Cancellation approve(@PathVariable UUID cancellationId, Caller caller) {
        return cancellations.approve(cancellationId, caller);
    }

    @PostMapping(path = "/{cancellationId}/refund-paid", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('PROVIDER_ADMIN')")
    @Operation(operationId = "recordRefundPaid", summary = "Record the refund payment of an approved cancellation (provider admin)",
            description = "Records the check or ACH reference and the payment date, makes the cancellation REFUND_PAID (`paidLate` "
                    + "when after the due date) and publishes cancellation.refund-paid.v1.")
    @ApiResponse(responseCode = "200", description = "Cancellation REFUND_PAID")
    @ApiResponse(responseCode = "404", description = "No such cancellation (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The cancellation is not APPROVED (type `invalid-state-transition`)")
    Cancellation refundPaid(@PathVariable UUID cancellationId, @Valid @RequestBody RefundPayment payment, Caller caller) {
        return cancellations.refundPaid(cancellationId, payment, caller);
    }

    @GetMapping("/{cancellationId}")
    @PreAuthorize("hasAnyRole('DEALER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "getCancellation", summary = "A cancellation with its quote",
            description = "Dealers see only their own contracts' cancellations; another dealer's answers 404.")
    @ApiResponse(responseCode = "200", description = "The cancellation")
    @ApiResponse(responseCode = "400", description = "cancellationId is not a UUID (type `validation`)")
    @ApiResponse(responseCode = "404", description = "No such cancellation, or another dealer's (type `not-found`)")
    Cancellation get(@PathVariable UUID cancellationId, Caller caller) {
        return repository.find(cancellationId, caller.dealerScope())
                .orElseThrow(() -> new ProblemException.NotFound("cancellation", cancellationId.toString()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DEALER', 'PROVIDER_ADMIN')")
    @Operation(operationId = "listCancellations", summary = "Cancellations, oldest request first, keyset-paginated",
            description = "Dealers see their own; the provider may filter by dealerCode. Filter by status or contract number; follow "
                    + "nextCursor to page.")
    @ApiResponse(responseCode = "200", description = "A page of cancellations")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid (status, contractNumber, dealerCode, limit or cursor), "
            + "or a dealer named another dealer (type `validation`)")
    CancellationPage list(@RequestParam(required = false) CancellationStatus status,
                          @RequestParam(required = false) String contractNumber,
                          @RequestParam(required = false) String dealerCode,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                          @RequestParam(required = false) String cursor,
                          Caller caller) {
        String dealer = caller.listScope(dealerCode, "cancellations").map(DealerCode::value).orElse(null);
        // shape checked before SQL: a NUL in the parameter used to surface as a 500 from PostgreSQL
        ContractNumber number = contractNumber == null ? null : RequestValue.of("contractNumber", contractNumber, ContractNumber::of);
        KeysetPage<Cancellation> page = repository.page(dealer, status, number, PageCursor.decode(cursor), limit);
        return new CancellationPage(page.items(), page.nextCursor());
    }

}

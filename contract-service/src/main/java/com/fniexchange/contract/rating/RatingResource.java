package com.fniexchange.contract.rating;

import com.fniexchange.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/rates", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rating", description = "Quotes for a vehicle sale: eligible plans, dealer cost and suggested retail")
class RatingResource {

    private final Rating rating;

    RatingResource(Rating rating) {
        this.rating = rating;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DEALER')")
    @Operation(operationId = "createRateQuote", summary = "Rate a vehicle sale",
            description = "Returns every eligible plan with its dealer cost and suggested retail, the plans that are not "
                    + "eligible with the reasons, and a quote id to contract on before it expires.")
    @ApiResponse(responseCode = "201", description = "Quote created")
    RateQuote rate(@Valid @RequestBody RateRequest request, Caller caller) {
        return rating.rate(caller.requireDealer().value(), request);
    }
}

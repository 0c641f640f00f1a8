package com.fniexchange.claims;

import com.fniexchange.testsupport.DevJwt;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Tokens and request bodies the claims tests share. */
public final class Claims {

    /** A repair facility: the service department of dealer D2002 (which did not sell the test contracts). */
    public static final String FACILITY = DevJwt.dealer("D2002");
    public static final String OTHER_FACILITY = DevJwt.dealer("D3003");
    public static final String ADJUSTER = DevJwt.mint("adjuster@provider", List.of("CLAIMS_ADJUSTER"), null, Duration.ofHours(1));
    public static final String ADMIN = DevJwt.providerAdmin();

    private Claims() {
    }

    public static String ro() {
        return "RO-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String open(String contractNumber, LocalDate repairDate, int odometer) {
        return """
                {"contractNumber":"%s","repairOrderNumber":"%s","repairDate":"%s","repairFacilityName":"Northside Honda Service",
                 "odometer":%d,"complaint":"Coolant leak at front of engine"}
                """.formatted(contractNumber, ro(), repairDate, odometer);
    }

    /** Parts 1 × price, 2.4 h labour at 145.00 (348.00), towing 95.00. */
    public static String lines(String partPrice) {
        return """
                {"lines":{"parts":[{"partNumber":"06164-RCA-A00","description":"Water pump","quantity":1,"unitPrice":%s}],
                  "labour":[{"operation":"R&R water pump","hours":2.4,"rate":145.00}],"towing":95.00},
                 "cause":"Water pump seal failed","correction":"Replaced water pump"}
                """.formatted(partPrice);
    }

    /** Only what is required: one part (no description) at this price; no labour, other charges, cause or correction. */
    public static String minimalLines(String partPrice) {
        return """
                {"lines":{"parts":[{"partNumber":"06164-RCA-A00","quantity":1,"unitPrice":%s}]}}
                """.formatted(partPrice);
    }
}

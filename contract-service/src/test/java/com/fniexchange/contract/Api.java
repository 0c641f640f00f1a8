package com.fniexchange.contract;

import com.fniexchange.testsupport.HttpApi;
import java.time.LocalDate;

/** contract-service on the wire, as a dealer portal would call it, with its request bodies. */
public final class Api extends HttpApi {

    public Api(int port) {
        super(port);
    }

    /** A rate request body for a recent Honda sale in Texas. */
    public static String rateRequest(String vin, String state) {
        return rateRequest(vin, state, 24_500, today().minusDays(2));
    }

    public static String rateRequest(String vin, String state, int odometer, LocalDate saleDate) {
        return """
                {"vin":"%s","make":"Honda","modelYear":%d,"odometer":%d,"vehicleInServiceDate":"%s",
                 "saleDate":"%s","customerState":"%s","amountFinanced":32500.00,"loanTermMonths":72}
                """.formatted(vin, saleDate.getYear() - 2, odometer, saleDate.minusYears(2), saleDate, state);
    }

    public static String submission(String quoteId, String planCode, String dealNumber, String price) {
        return """
                {"quoteId":"%s","planCode":"%s","dealNumber":"%s","customerPrice":%s,"financed":true,
                 "lienholder":"Ally Bank","customer":{"firstName":"Jane","lastName":"Doe"}}
                """.formatted(quoteId, planCode, dealNumber, price);
    }
}

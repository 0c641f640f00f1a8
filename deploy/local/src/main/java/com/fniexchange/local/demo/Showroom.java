package com.fniexchange.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fniexchange.local.demo.DayLedger.SoldContract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A dealership's finance office: rates a vehicle sale with contract-service, then submits the
 * contracts the customer bought on that quote (POST /api/v1/rates, POST /api/v1/contracts, role
 * DEALER). The vehicle, sale date and customer's state come from the quote; the contract adds the
 * deal number, the price and the lienholder.
 */
record Showroom(ServiceApi contracts, Journal journal, DayLedger ledger, String dealerCode, String token) {

    /** The vehicle as the dealer system decoded it. */
    record Vehicle(String vin, String make, int modelYear, int odometer, LocalDate inServiceDate) {
    }

    /**
     * One deal: one vehicle, one customer, one deal number for every product sold on it (the
     * natural key is dealer + deal number + product).
     *
     * @param amountFinanced null when there is no loan; GAP is rated on it and the loan term
     * @param lienholder     required when financed
     */
    record Deal(String dealNumber, Vehicle vehicle, LocalDate saleDate, String customerState, String firstName, String lastName,
                BigDecimal amountFinanced, Integer loanTermMonths, String lienholder) {
    }

    /**
     * A product the customer takes.
     *
     * @param customerPrice  null: the suggested retail the quote offered (Florida allows no other)
     * @param expectedStatus ACTIVE (approved automatically) or PENDING_REVIEW
     */
    record Product(String planCode, BigDecimal customerPrice, String expectedStatus) {
    }

    /** Rates the deal once and contracts every product on that quote. */
    List<SoldContract> sell(Deal deal, Product... products) throws DemoFailure {
        JsonNode quote = rate(deal);
        List<SoldContract> sold = new ArrayList<>();
        for (Product product : products) {
            sold.add(submit(deal, quote, product));
        }
        return sold;
    }

    private JsonNode rate(Deal deal) throws DemoFailure {
        String step = "1. dealer " + dealerCode + " rates deal " + deal.dealNumber();
        ObjectNode request = ServiceApi.JSON.createObjectNode()
                .put("vin", deal.vehicle().vin())
                .put("make", deal.vehicle().make())
                .put("modelYear", deal.vehicle().modelYear())
                .put("odometer", deal.vehicle().odometer())
                .put("vehicleInServiceDate", deal.vehicle().inServiceDate().toString())
                .put("saleDate", deal.saleDate().toString())
                .put("customerState", deal.customerState());
        if (deal.amountFinanced() != null) {
            request.put("amountFinanced", deal.amountFinanced()).put("loanTermMonths", deal.loanTermMonths());
        }
        Call call = Call.post("/api/v1/rates");
        JsonNode quote = contracts.call(step, call, token, request, 201);
        journal.line(actor(), call.label(), "201 quote " + quote.path("quoteId").asText() + ": " + quote.path("plans").size()
                + " plans offered for a " + deal.vehicle().modelYear() + " " + deal.vehicle().make() + " sold "
                + deal.saleDate() + " in " + deal.customerState());
        return quote;
    }

    private SoldContract submit(Deal deal, JsonNode quote, Product product) throws DemoFailure {
        String step = "1. dealer " + dealerCode + " submits " + product.planCode() + " on deal " + deal.dealNumber();
        Call call = Call.post("/api/v1/contracts");
        JsonNode plan = offered(quote, product.planCode());
        if (plan == null) {
            throw new DemoFailure(step, "POST /api/v1/rates", 201, "the quote does not offer " + product.planCode() + ": " + quote);
        }
        BigDecimal price = product.customerPrice() != null ? product.customerPrice() : ServiceApi.money(plan.get("suggestedRetail"));
        ObjectNode submission = ServiceApi.JSON.createObjectNode()
                .put("quoteId", quote.path("quoteId").asText())
                .put("planCode", product.planCode())
                .put("dealNumber", deal.dealNumber())
                .put("customerPrice", price)
                .put("financed", deal.lienholder() != null);
        if (deal.lienholder() != null) {
            submission.put("lienholder", deal.lienholder());
        }
        submission.putObject("customer").put("firstName", deal.firstName()).put("lastName", deal.lastName());

        JsonNode contract = contracts.call(step, call, token, submission, 201);
        String status = contract.path("status").asText();
        if (!product.expectedStatus().equals(status)) {
            throw new DemoFailure(step, call + " (expected a " + product.expectedStatus() + " contract)", 201, contract.toString());
        }
        SoldContract sold = new SoldContract(contract.path("contractNumber").asText(), dealerCode, contract.path("productCode").asText(),
                product.planCode(), status, ServiceApi.money(contract.get("customerPrice")), ServiceApi.money(contract.get("dealerCost")),
                deal.vehicle().vin(), deal.vehicle().odometer(), deal.saleDate());
        ledger.sold(sold);
        String why = contract.path("reviewReasons").isEmpty() ? "" : ": " + String.join("; ", texts(contract.path("reviewReasons")));
        journal.line(actor(), call.label(), "201 " + status + " " + sold.number() + " " + product.planCode() + " at "
                + sold.customerPrice() + " (dealer cost " + sold.dealerCost() + ")" + why);
        return sold;
    }

    private String actor() {
        return "dealer " + dealerCode;
    }

    private static JsonNode offered(JsonNode quote, String planCode) {
        for (JsonNode plan : quote.path("plans")) {
            if (planCode.equals(plan.path("planCode").asText())) {
                return plan;
            }
        }
        return null;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** Names the actor only: the components include a bearer token. */
    @Override
    public String toString() {
        return "Showroom";
    }
}

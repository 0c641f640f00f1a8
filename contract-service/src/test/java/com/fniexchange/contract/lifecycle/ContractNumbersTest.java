package com.fniexchange.contract.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.contract.DealerPortalTest;
import com.fniexchange.testsupport.TestVins;
import org.junit.jupiter.api.Test;

/** Contract numbers are unique by construction and never run out. */
@ContractServiceTest
class ContractNumbersTest extends DealerPortalTest {

    ContractNumbersTest() {
        super("D5005");
    }

    Api.Response submit(String vin, String planCode, String price) {
        return api.post("/api/v1/contracts", dealer, Api.submission(quoteFor(vin), planCode,
                deal(), price));
    }

    @Test
    void differentVinsWithTheSameLastEightGetDifferentNumbers() {
        Api.Response honda = submit("1HGCM8265ZA774352", "VSC-60-75-100", "2195.00");
        Api.Response toyota = submit("2T1BU4EE9ZA774352", "VSC-60-75-100", "2195.00");
        assertThat(honda.status()).as(honda.body()).isEqualTo(201);
        assertThat(toyota.status()).as(toyota.body()).isEqualTo(201);
        String first = honda.json().get("contractNumber").asText();
        String second = toyota.json().get("contractNumber").asText();
        assertThat(first).startsWith("VSCZA774352");
        assertThat(second).startsWith("VSCZA774352").isNotEqualTo(first);
        assertThat(api.get("/api/v1/contracts/" + second, dealer).json().get("vin").asText()).isEqualTo("2T1BU4EE9ZA774352");
    }

    @Test
    void aRefusedSubmissionTakesNoIssue() {
        String vin = TestVins.next();
        String deal = deal();
        Api.Response first = api.post("/api/v1/contracts", dealer, Api.submission(quoteFor(vin), "TW-36", deal, "499.00"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Api.Response duplicate = api.post("/api/v1/contracts", dealer, Api.submission(quoteFor(vin), "TW-36", deal, "499.00"));
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
        Api.Response second = submit(vin, "TW-36", "499.00");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        // the duplicate's rolled-back issue is given again: no gap in the numbers
        assertThat(second.json().get("contractNumber").asText()).isEqualTo(first.json().get("contractNumber").asText() + "-02");
    }

    @Test
    void theHundredthContractOfOneFormOnOneVehicleGetsDashOneHundred() {
        String vin = TestVins.next();
        Api.Response first = submit(vin, "TW-36", "499.00");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String base = first.json().get("contractNumber").asText();
        // issues 2 to 99 as earlier, voided contracts of the same form on this vehicle
        int inserted = jdbc.sql("""
                INSERT INTO contract (contract_number, dealer_code, deal_number, product_code, plan_code, quote_id, vin, make,
                    model_year, odometer, vehicle_in_service_date, sale_date, term_months, term_miles, deductible, dealer_cost,
                    suggested_retail, customer_price, financed, lienholder, customer_first_name, customer_last_name,
                    customer_state, status, review_reasons, submitted_by, submitted_at, updated_at, limit_of_liability)
                SELECT contract_number || '-' || lpad(i::text, 2, '0'), dealer_code, deal_number || '-' || i, product_code,
                    plan_code, quote_id, vin, make, model_year, odometer, vehicle_in_service_date, sale_date, term_months,
                    term_miles, deductible, dealer_cost, suggested_retail, customer_price, financed, lienholder,
                    customer_first_name, customer_last_name, customer_state, 'VOIDED', review_reasons, submitted_by,
                    submitted_at, updated_at, limit_of_liability
                FROM contract, generate_series(2, 99) AS i WHERE contract_number = :base
                """).param("base", base).update();
        assertThat(inserted).isEqualTo(98);
        // as those issues would have: the base's counter (what issuing reads) stands at 99
        assertThat(jdbc.sql("UPDATE contract_number_base SET last_issue = 99 WHERE base = :base").param("base", base).update())
                .isEqualTo(1);

        Api.Response hundredth = submit(vin, "TW-36", "499.00");
        assertThat(hundredth.status()).as(hundredth.body()).isEqualTo(201);
        assertThat(hundredth.json().get("contractNumber").asText()).isEqualTo(base + "-100");
        Api.Response next = submit(vin, "TW-36", "499.00");
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().get("contractNumber").asText()).isEqualTo(base + "-101");
        assertThat(api.get("/api/v1/contracts/" + base + "-101", dealer).status()).isEqualTo(200);
    }
}

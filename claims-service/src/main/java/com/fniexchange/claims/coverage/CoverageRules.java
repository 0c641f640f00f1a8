package com.fniexchange.claims.coverage;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.claims.ClaimsProperties;
import com.fniexchange.platform.web.ProblemException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The coverage checks a claim passes when it is opened and again when it is authorised (the
 * contract may have been cancelled in between). Each refusal is a 422 problem naming its rule
 * (the problem type) and the numbers involved.
 */
@Component
public class CoverageRules {

    /** Problem types, one per rule. */
    public static final String NOT_ACTIVE = "contract-not-active";
    public static final String OUTSIDE_TERM = "outside-term";
    public static final String WAITING_PERIOD = "waiting-period";
    public static final String STILL_VOIDABLE = "contract-still-voidable";
    /** Days after the last voidable day before a claim is opened: the void's event reaches this service first. */
    static final int VOID_MARGIN_DAYS = 2;

    private final ClaimsProperties properties;

    CoverageRules(ClaimsProperties properties) {
        this.properties = properties;
    }

    /** Refuses a repair (its date and odometer) the contract does not cover. */
    public void check(Coverage c, LocalDate repairDate, int odometer) {
        String number = c.contractNumber().value();
        boolean cancelledBefore = c.status() == ContractStatus.CANCELLED && c.cancelDate() != null
                && repairDate.isAfter(c.cancelDate());
        if (cancelledBefore) {
            throw refusal(NOT_ACTIVE, "contract " + number + " was cancelled on " + c.cancelDate() + "; the repair on "
                    + repairDate + " is after it", Map.of("contractStatus", c.status().name(),
                    "cancelDate", c.cancelDate().toString(), "repairDate", repairDate.toString()));
        }
        if (c.status() != ContractStatus.ACTIVE && c.status() != ContractStatus.CANCELLED) {
            throw refusal(NOT_ACTIVE, "contract " + number + " is " + c.status() + "; claims need a contract ACTIVE on the "
                    + "repair date", Map.of("contractStatus", c.status().name(), "repairDate", repairDate.toString()));
        }
        if (repairDate.isBefore(c.saleDate())) {
            throw refusal(NOT_ACTIVE, "the repair on " + repairDate + " is before contract " + number + " was sold on "
                    + c.saleDate(), Map.of("contractStatus", c.status().name(), "repairDate", repairDate.toString(),
                    "saleDate", c.saleDate().toString()));
        }
        if (repairDate.isAfter(c.coverageEndsOn())) {
            throw refusal(OUTSIDE_TERM, "the repair on " + repairDate + " is after contract " + number + "'s term of "
                    + c.termMonths() + " months ended on " + c.coverageEndsOn(),
                    Map.of("repairDate", repairDate.toString(), "coverageEndsOn", c.coverageEndsOn().toString(),
                            "termMonths", c.termMonths()));
        }
        Integer endsAt = c.coverageEndsAtOdometer();
        if (endsAt != null && odometer > endsAt) {
            throw refusal(OUTSIDE_TERM, "odometer " + odometer + " is past contract " + number + "'s " + c.termMiles()
                    + " term miles, which end at " + endsAt + " (" + c.odometerAtSale() + " at sale)",
                    Map.of("odometer", odometer, "coverageEndsAtOdometer", endsAt, "termMiles", c.termMiles(),
                            "odometerAtSale", c.odometerAtSale()));
        }
        LocalDate waitingEnds = c.saleDate().plusDays(properties.waitingPeriodDays());
        int waitingMiles = c.odometerAtSale() + properties.waitingPeriodMiles();
        if (repairDate.isBefore(waitingEnds) || odometer < waitingMiles) {
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("waitingPeriodEndsOn", waitingEnds.toString());
            numbers.put("waitingPeriodEndsAtOdometer", waitingMiles);
            numbers.put("repairDate", repairDate.toString());
            numbers.put("odometer", odometer);
            throw refusal(WAITING_PERIOD, "contract " + number + " covers repairs from " + waitingEnds + " ("
                    + properties.waitingPeriodDays() + " days after the sale) and from odometer " + waitingMiles + " ("
                    + properties.waitingPeriodMiles() + " miles after the sale); this repair is on " + repairDate
                    + " at " + odometer, numbers);
        }
    }

    /**
     * Refuses to open a claim while the contract can still be voided, and for a day after: the two
     * can then never both succeed, whichever would commit first, and a void made on its last day has
     * reached this service before a claim is accepted. Only at opening: a claim opened since stays.
     */
    public void checkNoLongerVoidable(Coverage c, LocalDate today) {
        LocalDate voidableUntil = c.voidableUntil() != null ? c.voidableUntil()
                : c.saleDate().plusDays(properties.assumedVoidWindowDays());
        LocalDate claimsFrom = voidableUntil.plusDays(VOID_MARGIN_DAYS);
        if (today.isBefore(claimsFrom)) {
            throw refusal(STILL_VOIDABLE, "contract " + c.contractNumber().value() + " can be voided until " + voidableUntil
                    + "; claims on it are opened from " + claimsFrom, Map.of("voidableUntil", voidableUntil.toString(),
                    "claimsAcceptedFrom", claimsFrom.toString()));
        }
    }

    private static ProblemException refusal(String rule, String detail, Map<String, Object> numbers) {
        return new ProblemException.BusinessRuleViolation(rule, detail, numbers);
    }
}

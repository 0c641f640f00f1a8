package com.fniexchange.local.demo;

import static com.fniexchange.local.demo.Repair.amount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.local.demo.DayLedger.SoldContract;
import com.fniexchange.local.demo.EventTimeline.StreamEvent;
import com.fniexchange.local.demo.Repair.Labour;
import com.fniexchange.local.demo.Repair.Part;
import com.fniexchange.local.demo.Showroom.Deal;
import com.fniexchange.local.demo.Showroom.Product;
import com.fniexchange.local.demo.Showroom.Vehicle;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scripted business day on the running platform, through its public APIs only, as its users
 * would live it:
 * <ol>
 *   <li>two dealerships rate and sell contracts (VSC, GAP, tire &amp; wheel);</li>
 *   <li>one contract, submitted more than 30 days after the sale, waits for review and a provider
 *       administrator approves it;</li>
 *   <li>another dealership's service department files two claims on it: a small repair authorised
 *       automatically, a larger one authorised by an adjuster; both invoiced, paid and closed;</li>
 *   <li>a customer cancels: the dealer quotes and requests it, an administrator approves it and
 *       records the refund payment;</li>
 *   <li>the contract shows CANCELLED in contract-service (the approval flows back by events);</li>
 *   <li>a partner's subscriber, started before the first sale, shows every event of the day's
 *       contracts, in order per contract;</li>
 *   <li>tonight's exports run for an SFTP partner and a Blob partner; each partner fetches its
 *       files and checks their trailers against the day's figures.</li>
 * </ol>
 * Each step prints one line; a wrong outcome stops the day with a {@link DemoFailure}. Every run
 * uses new dealers, deals, vehicles and partners (see {@link DemoRun}), so it runs again on the
 * same data, the same day.
 */
public final class BusinessDay {

    /** How long the partner waits for the day's events to arrive. */
    private static final Duration EVENTS_WAIT = Duration.ofSeconds(60);

    /** A water pump: 412.35 + 2.4 h at 145.00 + towing 95.00 = 855.35, less the $100 deductible: under the $1,000 threshold. */
    private static final Repair WATER_PUMP = new Repair(
            List.of(new Part("19200-6A0-A01", "Water pump assembly", amount("1"), amount("412.35"))),
            List.of(new Labour("R&R water pump", amount("2.4"), amount("145.00"))),
            amount("0.00"), amount("95.00"), "Water pump seal failed", "Replaced water pump and coolant");
    /** A transmission valve body: 1,289.00 + 4.5 h + rental 120.00 = 2,061.50, less the deductible: an adjuster's. */
    private static final Repair VALVE_BODY_ESTIMATE = new Repair(
            List.of(new Part("27000-6B2-A02", "Transmission valve body", amount("1"), amount("1289.00"))),
            List.of(new Labour("R&R valve body", amount("4.5"), amount("145.00"))),
            amount("120.00"), amount("0.00"), "Valve body solenoid sticking", "Replace valve body");
    /** The same repair as done: the labour guide's 3.7 h. */
    private static final Repair VALVE_BODY_INVOICE = new Repair(VALVE_BODY_ESTIMATE.parts(),
            List.of(new Labour("R&R valve body", amount("3.7"), amount("145.00"))),
            amount("120.00"), amount("0.00"), "Valve body solenoid sticking", "Replaced valve body, road tested");

    private final DemoPlatform platform;
    private final Journal journal;

    public BusinessDay(DemoPlatform platform, PrintStream out) {
        this.platform = platform;
        this.journal = new Journal(out);
    }

    public void run() throws DemoFailure {
        DemoRun run = DemoRun.startingNow();
        try {
            live(run);
        } catch (RuntimeException e) {
            throw new DemoFailure("business day " + run.id(), "-", "unexpected failure", e);
        }
    }

    private void live(DemoRun run) throws DemoFailure {
        HttpClient http = ServiceApi.httpClient();
        ServiceApi contracts = new ServiceApi(platform.contracts(), http);
        ServiceApi claims = new ServiceApi(platform.claims(), http);
        ServiceApi cancellations = new ServiceApi(platform.cancellations(), http);
        String dealerA = run.dealerCode('A');
        String dealerB = run.dealerCode('B');
        String admin = platform.tokens().provider("PROVIDER_ADMIN");
        DayLedger ledger = new DayLedger();
        journal.title("business day " + run.id() + ", " + run.today() + " (America/New_York): dealers " + dealerA + " (Texas) and "
                + dealerB + " (Florida)");

        // 0. the partner listens from before the first sale, as a partner's process runs all day
        PartnerFeed feed = PartnerFeed.subscribe(platform.kafkaBrokers(), run.subscriberGroup(), run.id(), Set.of(dealerA, dealerB));
        journal.line("partner subscriber", "Kafka subscribe " + String.join(",", PartnerFeed.STREAMS),
                "group " + run.subscriberGroup() + ", from the earliest offset");
        EventTimeline timeline;
        try {
            // 1. two dealerships sell
            Showroom texas = new Showroom(contracts, journal, ledger, dealerA, platform.tokens().dealer(dealerA));
            Showroom florida = new Showroom(contracts, journal, ledger, dealerB, platform.tokens().dealer(dealerB));
            SoldContract lateVsc = sellInTexas(run, texas);
            SoldContract floridaVsc = sellInFlorida(run, florida);

            // 2. the late one is reviewed
            new ContractReview(contracts, journal, ledger, admin).approve(lateVsc, "late submission: deal funded, paperwork received");

            // 3. the Florida dealer's service department repairs the Texas customer's car, twice
            repairTwice(run, lateVsc, new ServiceDepartment(claims, journal, dealerB, platform.tokens().dealer(dealerB)),
                    new ClaimsAdjuster(claims, journal, ledger, platform.tokens().provider("CLAIMS_ADJUSTER")));

            // 4. the Florida customer changes her mind inside the free look; 5. the contract follows
            cancel(run, floridaVsc, platform.tokens().dealer(dealerB), new CancellationDesk(cancellations, contracts, journal, ledger, admin));

            // 6. everything the partner should have heard of
            timeline = feed.awaitEvents("6. partner receives the day's events", ledger.expectedEvents(), EVENTS_WAIT);
        } finally {
            feed.close();
        }
        showEvents(run, ledger, timeline, feed.duplicates());

        // 7. tonight's files
        new NightlyExport(new ServiceApi(platform.exports(), http), http, platform, run, journal).run(ledger);
        summary(run, ledger);
    }

    /**
     * Step 1 in Texas: a VSC on a sale 35 days old, submitted today (late: more than 30 days, so it
     * waits for review; old enough for claims, past their 30-day waiting period), and a VSC with a
     * GAP waiver on yesterday's sale, both approved at once. Returns the late one.
     */
    private SoldContract sellInTexas(DemoRun run, Showroom texas) throws DemoFailure {
        LocalDate lateSale = run.today().minusDays(35);
        SoldContract late = texas.sell(new Deal(run.dealNumber(texas.dealerCode(), 1),
                        vehicle(run, "1HGCV1F3", "Honda", lateSale.getYear() - 2, 24_500, lateSale.minusYears(2)), lateSale, "TX",
                        "Maria", "Garza", amount("28400.00"), 72, "Ally Bank"),
                new Product("VSC-60-75-100", null, "PENDING_REVIEW")).get(0);
        LocalDate yesterday = run.today().minusDays(1);
        texas.sell(new Deal(run.dealNumber(texas.dealerCode(), 2),
                        vehicle(run, "2HKRW2H8", "Honda", yesterday.getYear() - 1, 12_040, yesterday.minusMonths(14)), yesterday, "TX",
                        "James", "Carter", amount("32500.00"), 72, "Ally Bank"),
                new Product("VSC-48-60-100", amount("1895.00"), "ACTIVE"), new Product("GAP-72", null, "ACTIVE"));
        return late;
    }

    /** Step 1 in Florida, where the retail price must equal the suggested one: a VSC and tire &amp; wheel. Returns the VSC. */
    private SoldContract sellInFlorida(DemoRun run, Showroom florida) throws DemoFailure {
        LocalDate sale = run.today().minusDays(3);
        return florida.sell(new Deal(run.dealNumber(florida.dealerCode(), 1),
                        vehicle(run, "4T1B11HK", "Toyota", sale.getYear() - 1, 18_200, sale.minusMonths(11)), sale, "FL",
                        "Linda", "Nguyen", amount("29900.00"), 60, "Chase Auto Finance"),
                new Product("VSC-84-100-250", null, "ACTIVE"), new Product("TW-36", null, "ACTIVE")).get(0);
    }

    /** Step 3: a small repair authorised with its estimate, then a large one an adjuster authorises; both paid and closed. */
    private void repairTwice(DemoRun run, SoldContract contract, ServiceDepartment service, ClaimsAdjuster adjuster) throws DemoFailure {
        LocalDate today = run.today();
        service.awaitCoverage(contract);
        String small = service.open(contract, run.repairOrder(service.facility(), 1), today.minusDays(2), 26_100,
                "Coolant leak at front of engine");
        service.estimate(small, WATER_PUMP, true);
        service.invoice(small, WATER_PUMP);
        adjuster.pay(small);
        adjuster.close(small);

        String large = service.open(contract, run.repairOrder(service.facility(), 2), today, 26_480, "Harsh 2-3 upshift, slips under load");
        service.estimate(large, VALVE_BODY_ESTIMATE, false);
        adjuster.findInQueue(large);
        adjuster.authorize(large, amount("1850.00"), "labour per guide: 3.7 h");
        service.invoice(large, VALVE_BODY_INVOICE);
        adjuster.pay(large);
        adjuster.close(large);
    }

    /** Steps 4 and 5: quoted, requested, approved, refunded; then contract-service shows the contract CANCELLED. */
    private void cancel(DemoRun run, SoldContract contract, String dealerToken, CancellationDesk desk) throws DemoFailure {
        JsonNode quote = desk.quote(contract, dealerToken, run.today(), contract.odometer() + 340, "CUSTOMER_REQUEST");
        String cancellation = desk.request(contract, dealerToken, quote);
        desk.approve(contract, cancellation);
        desk.recordRefundPaid(cancellation, run.refundReference(), run.today());
        desk.awaitCancelled(contract, dealerToken);
    }

    private static Vehicle vehicle(DemoRun run, String maker, String make, int modelYear, int odometer, LocalDate inService) {
        return new Vehicle(run.vin(maker, modelYear), make, modelYear, odometer, inService);
    }

    /** Step 6's output: the events per contract, each stream in offset order; their order must tell the day's story. */
    private void showEvents(DemoRun run, DayLedger ledger, EventTimeline timeline, long duplicates) throws DemoFailure {
        journal.title("what partner group " + run.subscriberGroup() + " received, per contract");
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (SoldContract c : ledger.contracts()) {
            journal.detail(c.number() + "  " + c.dealerCode() + "  " + c.planCode() + "  " + c.status());
            for (StreamEvent e : timeline.of(c.number())) {
                String id = e.field("claimId").isEmpty() ? e.field("cancellationId") : e.field("claimId");
                journal.detail("  %-30s %-26s %-28s %s".formatted(e.time(), e.topic() + "-" + e.partition() + "@" + e.offset(),
                        e.shortType(), id.isEmpty() ? "" : id));
                count++;
            }
            problems.addAll(timeline.implausibilities(c.number()));
        }
        if (!problems.isEmpty()) {
            throw new DemoFailure("6. partner checks the order of the day's events", "Kafka " + String.join(",", PartnerFeed.STREAMS),
                    0, String.join("\n", problems));
        }
        journal.line("partner subscriber", "Kafka poll " + String.join(",", PartnerFeed.STREAMS), count + " events of "
                + ledger.contracts().size() + " contracts, in order per contract; " + duplicates + " redelivered ones suppressed");
    }

    private void summary(DemoRun run, DayLedger ledger) {
        BigDecimal sold = ledger.contracts().stream().map(SoldContract::customerPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cost = ledger.contracts().stream().map(SoldContract::dealerCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = ledger.claims().stream().map(DayLedger.PaidClaim::paidAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal refunded = ledger.cancellations().stream().map(DayLedger.ApprovedCancellation::refund)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        journal.title("business day " + run.id() + " done in %.1f s".formatted(journal.seconds()));
        journal.detail(ledger.contracts().size() + " contracts sold for " + sold + " (dealer cost " + cost + "), "
                + ledger.claims().size() + " claims paid " + paid + ", " + ledger.cancellations().size() + " cancellation refunded "
                + refunded);
        Map<String, String> statuses = new LinkedHashMap<>();
        ledger.contracts().forEach(c -> statuses.put(c.number(), c.status()));
        journal.detail("contracts: " + statuses);
    }
}

package com.fniexchange.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.local.demo.EventTimeline.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTimelineTest {

    private static final String N = "VSC3A000001";

    @Test
    void aContractsDayInOrderHoldsTogether() {
        EventTimeline timeline = new EventTimeline(day());

        assertThat(timeline.implausibilities(N)).isEmpty();
        assertThat(timeline.missing(Map.of(N, List.of("contract.submitted", "contract.activated", "claim.opened", "claim.paid",
                "cancellation.approved", "contract.cancelled")))).isEmpty();
    }

    @Test
    void interleavesTheStreamsByTimeKeepingEachInOffsetOrder() {
        EventTimeline timeline = new EventTimeline(day());

        assertThat(timeline.of(N)).extracting(StreamEvent::shortType).containsExactly("contract.submitted", "contract.activated",
                "claim.opened", "claim.paid", "cancellation.quoted", "cancellation.requested", "cancellation.approved",
                "contract.cancelled");
    }

    @Test
    void namesWhatHasNotArrived() {
        EventTimeline timeline = new EventTimeline(day().subList(0, 3));

        assertThat(timeline.missing(Map.of(N, List.of("contract.submitted", "claim.opened", "claim.paid", "claim.paid"))))
                .containsEntry(N, List.of("claim.paid", "claim.paid"));
    }

    @Test
    void aClaimPaidBeforeItWasOpenedIsImplausible() {
        List<StreamEvent> events = new ArrayList<>(day());
        events.set(2, event("claim-events", 5, "claim.opened", "2026-11-26T15:00:03Z", "{\"claimId\":\"c1\"}"));
        events.set(3, event("claim-events", 4, "claim.paid", "2026-11-26T15:00:04Z", "{\"claimId\":\"c1\"}"));

        assertThat(new EventTimeline(events).implausibilities(N)).singleElement().asString()
                .contains("claim c1").contains("claim.opened (offset 5) came after claim.paid (offset 4)");
    }

    @Test
    void aContractCancelledBeforeTheApprovalIsImplausible() {
        List<StreamEvent> events = new ArrayList<>(day());
        events.set(7, event("contract-events", 12, "contract.cancelled", "2026-11-26T15:00:06Z", "{}"));

        assertThat(new EventTimeline(events).implausibilities(N)).singleElement().asString()
                .contains("contract.cancelled").contains("before cancellation.approved");
    }

    @Test
    void aContractWhoseFirstEventIsNotItsSubmissionIsImplausible() {
        List<StreamEvent> events = new ArrayList<>(day());
        events.remove(0);

        assertThat(new EventTimeline(events).implausibilities(N)).anySatisfy(p -> assertThat(p).contains("not contract.submitted"));
    }

    private static List<StreamEvent> day() {
        return List.of(
                event("contract-events", 10, "contract.submitted", "2026-11-26T15:00:00Z", "{}"),
                event("contract-events", 11, "contract.activated", "2026-11-26T15:00:00.001Z", "{}"),
                event("claim-events", 4, "claim.opened", "2026-11-26T15:00:03Z", "{\"claimId\":\"c1\"}"),
                event("claim-events", 5, "claim.paid", "2026-11-26T15:00:04Z", "{\"claimId\":\"c1\"}"),
                event("cancellation-events", 7, "cancellation.quoted", "2026-11-26T15:00:05Z", "{\"quoteId\":\"q1\"}"),
                event("cancellation-events", 8, "cancellation.requested", "2026-11-26T15:00:06Z",
                        "{\"quoteId\":\"q1\",\"cancellationId\":\"x1\"}"),
                event("cancellation-events", 9, "cancellation.approved", "2026-11-26T15:00:07Z", "{\"cancellationId\":\"x1\"}"),
                event("contract-events", 12, "contract.cancelled", "2026-11-26T15:00:07.300Z", "{\"cancellationId\":\"x1\"}"));
    }

    private static StreamEvent event(String topic, long offset, String type, String time, String payload) {
        return new StreamEvent(topic, 0, offset, topic + offset, "com.fniexchange." + type + ".v1", N, time, payload);
    }
}

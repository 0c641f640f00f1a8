package com.fniexchange.model.event;

/**
 * The message headers that carry the CloudEvents 1.0 envelope in binary mode (Kafka protocol
 * binding: {@code ce_} prefix), plus the trace context and correlation id every event carries
 * for lineage. The body is the JSON payload alone.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** CloudEvents extension attribute: the id of the request or process that caused the event. */
    public static final String CORRELATION_ID = "ce_correlationid";
    /** W3C trace context, as the CloudEvents distributed-tracing extension carries it. */
    public static final String TRACEPARENT = "traceparent";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}

package com.fniexchange.platform;

import org.slf4j.MDC;

/**
 * The correlation id and W3C trace context of the work in progress (a request, a consumed
 * event), kept in the logging MDC: logs, problem responses and the events the work causes all
 * carry them. Set by {@code web.RequestCorrelation} for requests and by the event consumer for
 * events; read anywhere, web or not.
 */
public final class Correlation {

    public static final String MDC_CORRELATION_ID = "correlationId";
    public static final String MDC_TRACEPARENT = "traceparent";

    private Correlation() {
    }

    /** The current correlation id, or null outside a request or consumed event. */
    public static String currentId() {
        return MDC.get(MDC_CORRELATION_ID);
    }

    /** The current W3C trace context, or null when the caller sent none. */
    public static String currentTraceparent() {
        return MDC.get(MDC_TRACEPARENT);
    }
}

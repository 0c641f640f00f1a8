package com.fniexchange.local.demo;

/**
 * The business day went wrong: which step, which call, what came back. The demo stops at the first
 * one, so the message is what the person running it reads; it carries the whole response body
 * (problem+json names the rule and the fields) rather than a summary of it.
 */
public final class DemoFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String step;
    private final String call;
    private final int status;
    private final String body;

    /**
     * @param step   the business step, e.g. {@code 2. provider admin approves VSC3A004352}
     * @param call   what was called, e.g. {@code POST /api/v1/contracts/VSC3A004352/approve}, or
     *               {@code SFTP get /inbound/...} for the partner's own channels
     * @param status the HTTP status; 0 when the call was not HTTP or got no answer
     * @param body   the response body, or what was found instead of what was expected
     */
    public DemoFailure(String step, String call, int status, String body) {
        super(message(step, call, status, body));
        this.step = step;
        this.call = call;
        this.status = status;
        this.body = body;
    }

    public DemoFailure(String step, String call, String problem, Throwable cause) {
        this(step, call, 0, problem + ": " + cause);
        initCause(cause);
    }

    public String step() {
        return step;
    }

    public String call() {
        return call;
    }

    /** The HTTP status, 0 when there was none. */
    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    private static String message(String step, String call, int status, String body) {
        return "step \"" + step + "\" failed: " + call + (status > 0 ? " answered " + status : "") + "\n" + body;
    }
}

package com.fniexchange.platform.security;

import com.fniexchange.model.DealerCode;
import com.fniexchange.platform.web.ProblemException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Who is calling, from the verified token. Controllers take it as a parameter. A dealer is
 * scoped to its own dealer code; provider roles see every dealer.
 *
 * @param subject    the token's {@code sub}
 * @param roles      the known roles among the {@code roles} claim
 * @param dealerCode present exactly when the caller is a dealer
 */
public record Caller(String subject, Set<Role> roles, Optional<DealerCode> dealerCode) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isDealer() {
        return has(Role.DEALER);
    }

    /** Whether the caller may see data of this dealer: its own, or any for provider roles. */
    public boolean maySee(DealerCode dealer) {
        return isDealer() ? dealerCode.map(dealer::equals).orElse(false) : true;
    }

    /** The dealer the caller acts for; refuses (403) callers that are not dealers. */
    public DealerCode requireDealer() {
        return dealerCode.filter(d -> isDealer()).orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "only a dealer (a token with role DEALER and a dealer_code) may do this",
                java.util.Map.of()));
    }

    /** The key space this caller's idempotency keys live in: the dealer for dealers, else the user. */
    public String scope() {
        return isDealer() ? "dealer:" + dealerCode.orElseThrow() : "user:" + subject;
    }

    /** How this caller is recorded in status histories and events. */
    public String actor() {
        return isDealer() ? "dealer:" + dealerCode.orElseThrow() + ":" + subject : subject;
    }
}

package com.fniexchange.platform.security;

import com.fniexchange.model.DealerCode;
import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import com.fniexchange.platform.web.ProblemTypes;
import com.fniexchange.platform.web.RequestValue;
import java.util.List;
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

    /**
     * Whether the caller may see data of this dealer: a dealer its own, a provider role any.
     * False for a caller with no known role (default-deny).
     */
    public boolean maySee(DealerCode dealer) {
        if (isDealer()) {
            return dealerCode.map(dealer::equals).orElse(false);
        }
        return roles.stream().anyMatch(Role::seesEveryDealer);
    }

    /**
     * The dealer a lookup must be limited to, for filtering in SQL: the caller's own for a
     * dealer, empty (every dealer) for a provider role.
     *
     * @throws ProblemException 403 for a caller with no known role
     */
    public Optional<DealerCode> dealerScope() {
        if (isDealer()) {
            return Optional.of(dealerCode.orElseThrow());
        }
        if (roles.stream().anyMatch(Role::seesEveryDealer)) {
            return Optional.empty();
        }
        throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "your role does not allow this operation", java.util.Map.of());
    }

    /** The dealer the caller acts for; refuses (403) callers that are not dealers. */
    public DealerCode requireDealer() {
        return dealerCode.filter(d -> isDealer()).orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN,
                ProblemTypes.FORBIDDEN, "Forbidden", "only a dealer (a token with role DEALER and a dealer_code) may do this",
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

    /**
     * The dealer a list is filtered by: a dealer's own code (naming another is a 400 on
     * {@code dealerCode}), or for a provider role the {@code dealerCode} asked for, checked, or
     * none (every dealer).
     *
     * @param requested the {@code dealerCode} query parameter, null when absent
     * @param items     what is listed, for the message ("contracts", "cancellations")
     */
    public Optional<DealerCode> listScope(String requested, String items) {
        Optional<DealerCode> scope = dealerScope();
        if (scope.isPresent()) {
            if (requested != null && !requested.equalsIgnoreCase(scope.get().value())) {
                throw new ProblemException.InvalidFields(List.of(new InvalidField("dealerCode",
                        "dealers may list only their own " + items + "; leave it out")));
            }
            return scope;
        }
        if (requested == null) {
            return Optional.empty();
        }
        return Optional.of(RequestValue.of("dealerCode", requested, DealerCode::of));
    }
}

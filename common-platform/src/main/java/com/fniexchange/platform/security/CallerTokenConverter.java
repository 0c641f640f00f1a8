package com.fniexchange.platform.security;

import com.fniexchange.model.DealerCode;
import com.fniexchange.model.InvalidValueException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified JWT into an authentication with {@code ROLE_*} authorities from the
 * {@code roles} claim (the claim Entra ID app roles use too). A DEALER token without a valid
 * {@code dealer_code} is refused as invalid: an unscoped dealer must never get through.
 */
class CallerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLES = "roles";
    static final String DEALER_CODE = "dealer_code";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Caller caller = caller(jwt);
        List<GrantedAuthority> authorities = caller.roles().stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
        return new CallerAuthentication(jwt, authorities, caller);
    }

    static Caller caller(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaims().get(ROLES);
        // Entra ID sends a JSON array; some issuers send one space-separated string
        Collection<?> names = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.strip().split("[\\s,]+")) : List.of();
        for (Object name : names) {
            for (Role role : Role.values()) {
                if (role.name().equals(String.valueOf(name))) {
                    roles.add(role);
                }
            }
        }
        Optional<DealerCode> dealer = Optional.empty();
        if (roles.contains(Role.DEALER)) {
            String code = jwt.getClaimAsString(DEALER_CODE);
            try {
                dealer = Optional.of(DealerCode.of(code));
            } catch (InvalidValueException e) {
                throw new InvalidBearerTokenException("a DEALER token must carry a valid dealer_code claim");
            }
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new InvalidBearerTokenException("the token has no subject");
        }
        return new Caller(jwt.getSubject(), roles, dealer);
    }
}

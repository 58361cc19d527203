package cn.doorstep.auth;

import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.ErrorResponseWriter;
import cn.doorstep.common.Outages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <token>} into a {@link CurrentUser}. An unknown token leaves the
 * request anonymous: public paths still answer, protected ones reply 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String PREFIX = "Bearer ";

    private final TokenService tokens;
    private final RoleService roles;
    private final ErrorResponseWriter errors;

    BearerTokenFilter(TokenService tokens, RoleService roles, ErrorResponseWriter errors) {
        this.tokens = tokens;
        this.roles = roles;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String token = header.substring(PREFIX.length()).trim();
            if (!token.isEmpty()) {
                try {
                    authenticate(token);
                } catch (RuntimeException e) {
                    // Sessions live in Redis, roles in MySQL behind a Redis copy: without them nobody can be
                    // recognised, which is our 503 (naming the one that is down), not their 401.
                    var outage = Outages.classify(e).orElseThrow(() -> e);
                    log.warn("{}: {}", outage.message(), e.toString());
                    errors.write(response, outage, outage.message());
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void authenticate(String token) {
        tokens.resolve(token).ifPresent(session -> {
            var user = new CurrentUser(session.userId(),
                    roles.grantsFrom(session.userId(), session.cachedRoles(), session.rolesVersion()));
            var authorities = user.grants().stream()
                    .map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name())).distinct().toList();
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, token, authorities));
        });
    }
}
